-- The candidate's profile: one row, edited from onboarding and Settings.
CREATE TABLE profile (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  name TEXT NOT NULL,
  target_role TEXT NOT NULL,
  experience_level TEXT NOT NULL CHECK (experience_level IN ('Entry', 'Mid', 'Senior', 'Staff', 'Principal')),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE sessions (
  id TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  difficulty TEXT NOT NULL CHECK (difficulty IN ('Easy', 'Medium', 'Hard', 'Expert')),
  mode TEXT NOT NULL DEFAULT 'practice',
  status TEXT NOT NULL CHECK (status IN ('setup', 'active', 'paused', 'completed', 'abandoned')),
  question_count INTEGER NOT NULL CHECK (question_count BETWEEN 1 AND 20),
  current_position INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  completed_at TEXT
);
CREATE INDEX sessions_created_at ON sessions (created_at DESC);
CREATE INDEX sessions_status_updated ON sessions (status, updated_at DESC);

-- A snapshot of each question as asked, so history stays intact when the bank changes.
CREATE TABLE session_questions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  question_id TEXT NOT NULL,
  text TEXT NOT NULL,
  category TEXT NOT NULL,
  difficulty TEXT NOT NULL,
  time_limit_sec INTEGER NOT NULL,
  expected_points TEXT NOT NULL,
  first_shown_at TEXT,
  elapsed_ms INTEGER NOT NULL DEFAULT 0,
  UNIQUE (session_id, position)
);
CREATE INDEX session_questions_question_id ON session_questions (question_id);

CREATE TABLE answers (
  id TEXT PRIMARY KEY,
  session_question_id TEXT NOT NULL UNIQUE REFERENCES session_questions (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  skipped INTEGER NOT NULL DEFAULT 0 CHECK (skipped IN (0, 1)),
  time_taken_ms INTEGER NOT NULL,
  overtime INTEGER NOT NULL DEFAULT 0 CHECK (overtime IN (0, 1)),
  submitted_at TEXT NOT NULL
);

-- One unsent draft per question, overwritten on every save and removed on submit.
CREATE TABLE drafts (
  session_question_id TEXT PRIMARY KEY REFERENCES session_questions (id) ON DELETE CASCADE,
  text TEXT NOT NULL,
  elapsed_ms INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
