-- The candidate's private bank: questions they wrote, saved from a session or imported. Tags and skills are
-- JSON arrays; the whole row is validated by the same rules as the shipped bank before it is written.
CREATE TABLE private_questions (
  id TEXT PRIMARY KEY,
  text TEXT NOT NULL,
  category TEXT NOT NULL CHECK (category IN ('Technical', 'Behavioral', 'Situational', 'Domain_Specific', 'System_Design', 'Coding')),
  difficulty TEXT NOT NULL CHECK (difficulty IN ('Easy', 'Medium', 'Hard', 'Expert')),
  expected_points TEXT NOT NULL,
  time_limit_sec INTEGER NOT NULL CHECK (time_limit_sec BETWEEN 120 AND 600),
  skills TEXT NOT NULL DEFAULT '[]',
  tags TEXT NOT NULL DEFAULT '[]',
  role TEXT,
  origin TEXT NOT NULL CHECK (origin IN ('written', 'saved', 'imported')),
  -- Case- and space-insensitive text, so saving or importing the same question twice is a no-op.
  text_key TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX private_questions_created_at ON private_questions (created_at DESC);

-- Company profiles the candidate made (shipped ones live in resources/companies and are read-only).
CREATE TABLE companies (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  profile TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- What a session was built from, and why each question was asked.
ALTER TABLE sessions ADD COLUMN job_id TEXT REFERENCES jobs (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN company_id TEXT;
ALTER TABLE sessions ADD COLUMN categories TEXT NOT NULL DEFAULT '[]';
CREATE INDEX sessions_job_id ON sessions (job_id);
ALTER TABLE session_questions ADD COLUMN source TEXT NOT NULL DEFAULT 'bank';
ALTER TABLE session_questions ADD COLUMN reason TEXT NOT NULL DEFAULT '';
ALTER TABLE session_questions ADD COLUMN skills TEXT NOT NULL DEFAULT '[]';
