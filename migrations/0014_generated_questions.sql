-- Questions a model wrote from the practice setup screen, when the bank could not fill a set, join the
-- candidate's own bank as 'generated' (shown, edited and deleted like the rest). SQLite cannot alter a CHECK,
-- so the table is rebuilt with the same columns, rows and index.
CREATE TABLE private_questions_next (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('Technical', 'Behavioral', 'Situational', 'Domain_Specific', 'System_Design', 'Coding')),
  difficulty TEXT NOT NULL CHECK (difficulty IN ('Easy', 'Medium', 'Hard', 'Expert')),
  expected_points TEXT NOT NULL,
  time_limit_sec INTEGER NOT NULL CHECK (time_limit_sec BETWEEN 120 AND 600),
  skills TEXT NOT NULL DEFAULT '[]',
  tags TEXT NOT NULL DEFAULT '[]',
  role TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('written', 'saved', 'imported', 'generated')),
  text_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
INSERT INTO private_questions_next
  (id, text, category, difficulty, expected_points, time_limit_sec, skills, tags, role, origin, text_key, created_at, updated_at)
SELECT id, text, category, difficulty, expected_points, time_limit_sec, skills, tags, role, origin, text_key, created_at, updated_at
FROM private_questions;
DROP TABLE private_questions;
ALTER TABLE private_questions_next RENAME TO private_questions;
CREATE INDEX private_questions_created_at ON private_questions (created_at DESC);
