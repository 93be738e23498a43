-- Job postings the candidate practises for. Skills are extracted from the description when it is saved,
-- split into required and nice-to-have where the posting says so.
CREATE TABLE jobs (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  company TEXT,
  description TEXT NOT NULL,
  experience_level TEXT CHECK (experience_level IS NULL OR experience_level IN ('Entry', 'Mid', 'Senior', 'Staff', 'Principal')),
  tech_stack TEXT NOT NULL DEFAULT '[]',
  required_skills TEXT NOT NULL DEFAULT '[]',
  nice_skills TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX jobs_created_at ON jobs (created_at DESC);
