-- The optional passphrase. One row while it is set, none while it is off. The key is never stored: only the
-- key derivation's name, parameters and salt, and a value sealed under the key that tells a right passphrase
-- from a wrong one (AES-GCM refuses to open it under any other key).
CREATE TABLE vault (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  kdf TEXT NOT NULL,
  check_value TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Wrong passphrases, kept across restarts so quitting does not reset the pause after too many of them.
-- Cleared by a right one.
CREATE TABLE vault_attempts (
  at TEXT NOT NULL
);
