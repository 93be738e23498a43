-- Spoken answers. The audio itself is a file in the data folder's audio/ (chunks appended as they arrive, each
-- sealed when a passphrase is set); a row says which question it answers and, once transcribed, what was said.
-- file_name is null once the audio has gone (only the last N transcribed answers keep theirs).
CREATE TABLE recordings (
  id TEXT PRIMARY KEY,
  session_question_id TEXT NOT NULL REFERENCES session_questions (id) ON DELETE CASCADE,
  status TEXT NOT NULL CHECK (status IN ('recording', 'saved', 'transcribed')),
  file_name TEXT UNIQUE,
  duration_ms INTEGER NOT NULL DEFAULT 0,
  -- the transcript, its word timings and the delivery figures (JSON) are sealed under the passphrase like an
  -- answer and its feedback
  transcript TEXT,
  words TEXT,
  delivery TEXT,
  transcriber TEXT,
  started_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX recordings_question ON recordings (session_question_id);
CREATE INDEX recordings_status ON recordings (status, updated_at);

CREATE TABLE voice_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  -- audio is kept after transcription for this many of the latest answers
  keep_audio INTEGER NOT NULL DEFAULT 20 CHECK (keep_audio >= 0),
  -- questions read aloud by the system's speech synthesis: never, in mock interviews, or always
  read_aloud TEXT NOT NULL DEFAULT 'mock' CHECK (read_aloud IN ('off', 'mock', 'always')),
  -- the system voice's name ('' for its default) and the speaking rate (1 is normal)
  voice_name TEXT NOT NULL DEFAULT '',
  speech_rate REAL NOT NULL DEFAULT 1
);
