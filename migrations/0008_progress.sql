-- Progress: each session's completion day and score totals, achievements, reminders and study plans.

-- Each achievement is earned once: the primary key plus INSERT OR IGNORE make awarding idempotent.
-- Inside triggers, inserts check for the row instead of using OR IGNORE: an outer statement's conflict clause
-- (an upsert of an evaluation, say) would override the trigger's and abort on the duplicate.
-- announced_at is set when a window has shown the toast, so each is announced once.
CREATE TABLE achievements (
  id TEXT PRIMARY KEY CHECK (id IN ('First_Interview', 'Ten_Interviews', 'Fifty_Interviews', 'Perfect_Score',
    'Seven_Day_Streak', 'Thirty_Day_Streak', 'Category_Master')),
  earned_at TEXT NOT NULL,
  session_id TEXT REFERENCES sessions (id) ON DELETE SET NULL,
  detail TEXT NOT NULL DEFAULT '',
  announced_at TEXT
);

CREATE TABLE progress_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  reminders_enabled INTEGER NOT NULL DEFAULT 1 CHECK (reminders_enabled IN (0, 1)),
  -- The local date of the last reminder, so there is never more than one a day.
  last_reminder_date TEXT,
  updated_at TEXT NOT NULL
);

-- Study plans: the plan (weeks, daily tasks, completion) as JSON; at most one is active.
CREATE TABLE study_plans (
  id TEXT PRIMARY KEY,
  status TEXT NOT NULL CHECK (status IN ('active', 'archived')),
  plan TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX study_plans_single_active ON study_plans (status) WHERE status = 'active';

-- One row per session: when it completed, on which local date (YYYY-MM-DD) and in which IANA time zone, and
-- the totals of its answers' effective scores (a model's evaluation where there is one, the newest; else the
-- builtin one), overall, per criterion and per category. Triggers keep the totals up to date whenever an
-- answer or an evaluation is written, changed or removed, and record completion when a session's status
-- becomes 'completed'; the app writes the local date and zone in the same transaction. Streaks are computed
-- from the local dates, never from UTC timestamps, so travel and daylight-saving switches cannot break or fake
-- a day. The dashboard reads these rows (one per session) instead of every answer and evaluation.
CREATE TABLE progress_sessions (
  session_id TEXT PRIMARY KEY,
  role TEXT,
  completed_at TEXT,
  local_date TEXT CHECK (local_date IS NULL OR local_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  time_zone TEXT,
  answers INTEGER NOT NULL DEFAULT 0,
  scored INTEGER NOT NULL DEFAULT 0,
  overall_sum INTEGER NOT NULL DEFAULT 0,
  best INTEGER,
  time_ms INTEGER NOT NULL DEFAULT 0,
  content_quality_sum INTEGER NOT NULL DEFAULT 0,
  clarity_sum INTEGER NOT NULL DEFAULT 0,
  confidence_sum INTEGER NOT NULL DEFAULT 0,
  technical_accuracy_sum INTEGER NOT NULL DEFAULT 0,
  technical_n INTEGER NOT NULL DEFAULT 0,
  technical_sum INTEGER NOT NULL DEFAULT 0,
  behavioral_n INTEGER NOT NULL DEFAULT 0,
  behavioral_sum INTEGER NOT NULL DEFAULT 0,
  situational_n INTEGER NOT NULL DEFAULT 0,
  situational_sum INTEGER NOT NULL DEFAULT 0,
  domain_specific_n INTEGER NOT NULL DEFAULT 0,
  domain_specific_sum INTEGER NOT NULL DEFAULT 0,
  system_design_n INTEGER NOT NULL DEFAULT 0,
  system_design_sum INTEGER NOT NULL DEFAULT 0,
  coding_n INTEGER NOT NULL DEFAULT 0,
  coding_sum INTEGER NOT NULL DEFAULT 0
) WITHOUT ROWID;
-- Completed sessions in completion order, with what the dashboard reads of each (so it never visits the table).
CREATE INDEX progress_sessions_completed ON progress_sessions
  (completed_at, session_id, local_date, role, scored, overall_sum, time_ms) WHERE completed_at IS NOT NULL;

-- The evaluation that counts for each answer: a model's if there is one (the newest), else the builtin one.
CREATE VIEW progress_effective_evaluations AS
SELECT e.* FROM evaluations e
WHERE NOT EXISTS (
  SELECT 1 FROM evaluations o
  WHERE o.answer_id = e.answer_id AND o.provider <> 'builtin' AND o.provider <> e.provider
    AND (e.provider = 'builtin' OR o.created_at > e.created_at
      OR (o.created_at = e.created_at AND o.provider > e.provider)));

-- Sessions from before this migration; their local dates stay unknown (the app falls back to today's zone).
INSERT INTO progress_sessions (session_id, role, completed_at)
SELECT id, role, CASE WHEN status = 'completed' THEN completed_at END FROM sessions;
UPDATE progress_sessions SET (
  answers, scored, overall_sum, best, time_ms, content_quality_sum, clarity_sum, confidence_sum,
  technical_accuracy_sum, technical_n, technical_sum, behavioral_n, behavioral_sum, situational_n,
  situational_sum, domain_specific_n, domain_specific_sum, system_design_n, system_design_sum, coding_n,
  coding_sum
) = (
  SELECT
    count(a.id), count(e.overall), coalesce(sum(e.overall), 0), max(e.overall),
    coalesce(sum(a.time_taken_ms), 0), coalesce(sum(e.content_quality), 0), coalesce(sum(e.clarity), 0),
    coalesce(sum(e.confidence), 0), coalesce(sum(e.technical_accuracy), 0),
    count(CASE WHEN q.category = 'Technical' THEN e.overall END),
    coalesce(sum(CASE WHEN q.category = 'Technical' THEN e.overall END), 0),
    count(CASE WHEN q.category = 'Behavioral' THEN e.overall END),
    coalesce(sum(CASE WHEN q.category = 'Behavioral' THEN e.overall END), 0),
    count(CASE WHEN q.category = 'Situational' THEN e.overall END),
    coalesce(sum(CASE WHEN q.category = 'Situational' THEN e.overall END), 0),
    count(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END),
    coalesce(sum(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END), 0),
    count(CASE WHEN q.category = 'System_Design' THEN e.overall END),
    coalesce(sum(CASE WHEN q.category = 'System_Design' THEN e.overall END), 0),
    count(CASE WHEN q.category = 'Coding' THEN e.overall END),
    coalesce(sum(CASE WHEN q.category = 'Coding' THEN e.overall END), 0)
  FROM session_questions q
  JOIN answers a ON a.session_question_id = q.id
  LEFT JOIN progress_effective_evaluations e ON e.answer_id = a.id
  WHERE q.session_id = progress_sessions.session_id
);

-- Each trigger recomputes the changed answer's session from its own answers (at most twenty). Answers and
-- evaluations never move to another question or answer, so on update NEW names the same session as OLD.
CREATE TRIGGER progress_sessions_answer_insert AFTER INSERT ON answers BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT id FROM sessions WHERE id = (SELECT session_id FROM session_questions WHERE id = NEW.session_question_id)
      AND id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET (
    answers, scored, overall_sum, best, time_ms, content_quality_sum, clarity_sum, confidence_sum,
    technical_accuracy_sum, technical_n, technical_sum, behavioral_n, behavioral_sum, situational_n,
    situational_sum, domain_specific_n, domain_specific_sum, system_design_n, system_design_sum, coding_n,
    coding_sum
  ) = (
    SELECT
      count(a.id), count(e.overall), coalesce(sum(e.overall), 0), max(e.overall),
      coalesce(sum(a.time_taken_ms), 0), coalesce(sum(e.content_quality), 0), coalesce(sum(e.clarity), 0),
      coalesce(sum(e.confidence), 0), coalesce(sum(e.technical_accuracy), 0),
      count(CASE WHEN q.category = 'Technical' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Technical' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Behavioral' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Behavioral' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Situational' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Situational' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'System_Design' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'System_Design' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Coding' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Coding' THEN e.overall END), 0)
    FROM session_questions q
    JOIN answers a ON a.session_question_id = q.id
    LEFT JOIN progress_effective_evaluations e ON e.answer_id = a.id
    WHERE q.session_id = progress_sessions.session_id
  )
  WHERE session_id = (SELECT session_id FROM session_questions WHERE id = NEW.session_question_id);
END;
CREATE TRIGGER progress_sessions_answer_update AFTER UPDATE ON answers BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT id FROM sessions WHERE id = (SELECT session_id FROM session_questions WHERE id = NEW.session_question_id)
      AND id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET (
    answers, scored, overall_sum, best, time_ms, content_quality_sum, clarity_sum, confidence_sum,
    technical_accuracy_sum, technical_n, technical_sum, behavioral_n, behavioral_sum, situational_n,
    situational_sum, domain_specific_n, domain_specific_sum, system_design_n, system_design_sum, coding_n,
    coding_sum
  ) = (
    SELECT
      count(a.id), count(e.overall), coalesce(sum(e.overall), 0), max(e.overall),
      coalesce(sum(a.time_taken_ms), 0), coalesce(sum(e.content_quality), 0), coalesce(sum(e.clarity), 0),
      coalesce(sum(e.confidence), 0), coalesce(sum(e.technical_accuracy), 0),
      count(CASE WHEN q.category = 'Technical' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Technical' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Behavioral' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Behavioral' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Situational' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Situational' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'System_Design' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'System_Design' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Coding' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Coding' THEN e.overall END), 0)
    FROM session_questions q
    JOIN answers a ON a.session_question_id = q.id
    LEFT JOIN progress_effective_evaluations e ON e.answer_id = a.id
    WHERE q.session_id = progress_sessions.session_id
  )
  WHERE session_id = (SELECT session_id FROM session_questions WHERE id = NEW.session_question_id);
END;
CREATE TRIGGER progress_sessions_answer_delete AFTER DELETE ON answers BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT id FROM sessions WHERE id = (SELECT session_id FROM session_questions WHERE id = OLD.session_question_id)
      AND id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET (
    answers, scored, overall_sum, best, time_ms, content_quality_sum, clarity_sum, confidence_sum,
    technical_accuracy_sum, technical_n, technical_sum, behavioral_n, behavioral_sum, situational_n,
    situational_sum, domain_specific_n, domain_specific_sum, system_design_n, system_design_sum, coding_n,
    coding_sum
  ) = (
    SELECT
      count(a.id), count(e.overall), coalesce(sum(e.overall), 0), max(e.overall),
      coalesce(sum(a.time_taken_ms), 0), coalesce(sum(e.content_quality), 0), coalesce(sum(e.clarity), 0),
      coalesce(sum(e.confidence), 0), coalesce(sum(e.technical_accuracy), 0),
      count(CASE WHEN q.category = 'Technical' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Technical' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Behavioral' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Behavioral' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Situational' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Situational' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'System_Design' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'System_Design' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Coding' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Coding' THEN e.overall END), 0)
    FROM session_questions q
    JOIN answers a ON a.session_question_id = q.id
    LEFT JOIN progress_effective_evaluations e ON e.answer_id = a.id
    WHERE q.session_id = progress_sessions.session_id
  )
  WHERE session_id = (SELECT session_id FROM session_questions WHERE id = OLD.session_question_id);
END;
CREATE TRIGGER progress_sessions_evaluation_insert AFTER INSERT ON evaluations BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT id FROM sessions WHERE id = (SELECT q.session_id FROM answers a
      JOIN session_questions q ON q.id = a.session_question_id WHERE a.id = NEW.answer_id)
      AND id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET (
    answers, scored, overall_sum, best, time_ms, content_quality_sum, clarity_sum, confidence_sum,
    technical_accuracy_sum, technical_n, technical_sum, behavioral_n, behavioral_sum, situational_n,
    situational_sum, domain_specific_n, domain_specific_sum, system_design_n, system_design_sum, coding_n,
    coding_sum
  ) = (
    SELECT
      count(a.id), count(e.overall), coalesce(sum(e.overall), 0), max(e.overall),
      coalesce(sum(a.time_taken_ms), 0), coalesce(sum(e.content_quality), 0), coalesce(sum(e.clarity), 0),
      coalesce(sum(e.confidence), 0), coalesce(sum(e.technical_accuracy), 0),
      count(CASE WHEN q.category = 'Technical' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Technical' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Behavioral' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Behavioral' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Situational' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Situational' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'System_Design' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'System_Design' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Coding' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Coding' THEN e.overall END), 0)
    FROM session_questions q
    JOIN answers a ON a.session_question_id = q.id
    LEFT JOIN progress_effective_evaluations e ON e.answer_id = a.id
    WHERE q.session_id = progress_sessions.session_id
  )
  WHERE session_id = (SELECT q.session_id FROM answers a JOIN session_questions q ON q.id = a.session_question_id
    WHERE a.id = NEW.answer_id);
END;
CREATE TRIGGER progress_sessions_evaluation_update AFTER UPDATE ON evaluations BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT id FROM sessions WHERE id = (SELECT q.session_id FROM answers a
      JOIN session_questions q ON q.id = a.session_question_id WHERE a.id = NEW.answer_id)
      AND id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET (
    answers, scored, overall_sum, best, time_ms, content_quality_sum, clarity_sum, confidence_sum,
    technical_accuracy_sum, technical_n, technical_sum, behavioral_n, behavioral_sum, situational_n,
    situational_sum, domain_specific_n, domain_specific_sum, system_design_n, system_design_sum, coding_n,
    coding_sum
  ) = (
    SELECT
      count(a.id), count(e.overall), coalesce(sum(e.overall), 0), max(e.overall),
      coalesce(sum(a.time_taken_ms), 0), coalesce(sum(e.content_quality), 0), coalesce(sum(e.clarity), 0),
      coalesce(sum(e.confidence), 0), coalesce(sum(e.technical_accuracy), 0),
      count(CASE WHEN q.category = 'Technical' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Technical' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Behavioral' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Behavioral' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Situational' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Situational' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'System_Design' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'System_Design' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Coding' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Coding' THEN e.overall END), 0)
    FROM session_questions q
    JOIN answers a ON a.session_question_id = q.id
    LEFT JOIN progress_effective_evaluations e ON e.answer_id = a.id
    WHERE q.session_id = progress_sessions.session_id
  )
  WHERE session_id = (SELECT q.session_id FROM answers a JOIN session_questions q ON q.id = a.session_question_id
    WHERE a.id = NEW.answer_id);
END;
CREATE TRIGGER progress_sessions_evaluation_delete AFTER DELETE ON evaluations BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT id FROM sessions WHERE id = (SELECT q.session_id FROM answers a
      JOIN session_questions q ON q.id = a.session_question_id WHERE a.id = OLD.answer_id)
      AND id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET (
    answers, scored, overall_sum, best, time_ms, content_quality_sum, clarity_sum, confidence_sum,
    technical_accuracy_sum, technical_n, technical_sum, behavioral_n, behavioral_sum, situational_n,
    situational_sum, domain_specific_n, domain_specific_sum, system_design_n, system_design_sum, coding_n,
    coding_sum
  ) = (
    SELECT
      count(a.id), count(e.overall), coalesce(sum(e.overall), 0), max(e.overall),
      coalesce(sum(a.time_taken_ms), 0), coalesce(sum(e.content_quality), 0), coalesce(sum(e.clarity), 0),
      coalesce(sum(e.confidence), 0), coalesce(sum(e.technical_accuracy), 0),
      count(CASE WHEN q.category = 'Technical' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Technical' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Behavioral' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Behavioral' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Situational' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Situational' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Domain_Specific' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'System_Design' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'System_Design' THEN e.overall END), 0),
      count(CASE WHEN q.category = 'Coding' THEN e.overall END),
      coalesce(sum(CASE WHEN q.category = 'Coding' THEN e.overall END), 0)
    FROM session_questions q
    JOIN answers a ON a.session_question_id = q.id
    LEFT JOIN progress_effective_evaluations e ON e.answer_id = a.id
    WHERE q.session_id = progress_sessions.session_id
  )
  WHERE session_id = (SELECT q.session_id FROM answers a JOIN session_questions q ON q.id = a.session_question_id
    WHERE a.id = OLD.answer_id);
END;
CREATE TRIGGER progress_sessions_completed AFTER UPDATE OF status ON sessions
WHEN NEW.status = 'completed' BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT NEW.id WHERE NEW.id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET completed_at = NEW.completed_at, role = NEW.role WHERE session_id = NEW.id;
END;
CREATE TRIGGER progress_sessions_inserted_completed AFTER INSERT ON sessions
WHEN NEW.status = 'completed' BEGIN
  INSERT INTO progress_sessions (session_id)
    SELECT NEW.id WHERE NEW.id NOT IN (SELECT session_id FROM progress_sessions);
  UPDATE progress_sessions SET completed_at = NEW.completed_at, role = NEW.role WHERE session_id = NEW.id;
END;
CREATE TRIGGER progress_sessions_deleted AFTER DELETE ON sessions BEGIN
  DELETE FROM progress_sessions WHERE session_id = OLD.id;
END;

-- The latest answers first, for weak categories (question selection, the study plan).
CREATE INDEX answers_submitted ON answers (submitted_at);
