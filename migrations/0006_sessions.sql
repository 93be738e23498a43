-- Modes, pauses, retakes and follow-up turns.
ALTER TABLE sessions ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
-- The session this one retakes, and the first attempt of the chain (itself for a first attempt).
ALTER TABLE sessions ADD COLUMN retake_of TEXT REFERENCES sessions (id) ON DELETE SET NULL;
ALTER TABLE sessions ADD COLUMN first_attempt_id TEXT;
ALTER TABLE sessions ADD COLUMN paused_at TEXT;
UPDATE sessions SET first_attempt_id = id;
CREATE INDEX sessions_first_attempt ON sessions (first_attempt_id, attempt);
CREATE INDEX sessions_role_created ON sessions (role, created_at DESC);
CREATE INDEX sessions_job_created ON sessions (job_id, created_at DESC);

-- A follow-up is its own turn, placed right after the question it follows up.
ALTER TABLE session_questions ADD COLUMN parent_id TEXT REFERENCES session_questions (id) ON DELETE CASCADE;
CREATE INDEX session_questions_parent ON session_questions (parent_id);
