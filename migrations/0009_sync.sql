-- Leaderboard sync (optional, off by default): the setting and the device, an outbox of finished sessions, and
-- the last leaderboard and percentile replies (shown when the server cannot be reached).

-- One row. The device's secret is never here: it is in the OS keychain. attempts and next_attempt_at are the
-- back-off after a failed contact, persisted so a restart does not hammer a server that is down.
-- pending_erase: sync was turned off (or everything deleted) while the server could not be reached; the device
-- in erase_device_id at erase_url is erased when it can be.
CREATE TABLE sync_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  enabled INTEGER NOT NULL DEFAULT 0 CHECK (enabled IN (0, 1)),
  server_url TEXT NOT NULL,
  public INTEGER NOT NULL DEFAULT 1 CHECK (public IN (0, 1)),
  device_id TEXT,
  alias TEXT,
  pending_erase INTEGER NOT NULL DEFAULT 0 CHECK (pending_erase IN (0, 1)),
  erase_device_id TEXT,
  erase_url TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at TEXT,
  last_contact_at TEXT,
  last_push_at TEXT,
  last_error TEXT,
  updated_at TEXT NOT NULL
);

-- Finished sessions waiting to be sent; a row is removed once the server has it (the server is idempotent on
-- the session id, so a re-send after a lost reply changes nothing).
CREATE TABLE sync_outbox (
  session_id TEXT PRIMARY KEY REFERENCES sessions (id) ON DELETE CASCADE,
  queued_at TEXT NOT NULL
);

-- The last reply per leaderboard or percentile request, with when it was fetched.
CREATE TABLE sync_cache (
  key TEXT PRIMARY KEY,
  body TEXT NOT NULL,
  fetched_at TEXT NOT NULL
);
