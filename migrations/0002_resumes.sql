-- Résumé versions: the original file lives in <data dir>/resumes/<file_name>; the parse and the candidate's
-- corrections live here. At most five are kept; exactly one (or none) is active.
CREATE TABLE resumes (
  id TEXT PRIMARY KEY,
  label TEXT NOT NULL,
  original_name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('pdf', 'docx', 'text')),
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  file_name TEXT NOT NULL,
  parsed TEXT NOT NULL,
  corrected TEXT,
  is_active INTEGER NOT NULL DEFAULT 0 CHECK (is_active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX resumes_created_at ON resumes (created_at DESC);
CREATE UNIQUE INDEX resumes_single_active ON resumes (is_active) WHERE is_active = 1;
