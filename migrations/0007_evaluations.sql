-- Feedback on each submitted answer: the builtin evaluation always, a model's when one is set up. Scores
-- are columns so reports and progress can aggregate them without parsing JSON; the whole result is kept too.
CREATE TABLE evaluations (
  answer_id TEXT NOT NULL REFERENCES answers (id) ON DELETE CASCADE,
  provider TEXT NOT NULL,
  model TEXT,
  overall INTEGER NOT NULL CHECK (overall BETWEEN 0 AND 100),
  content_quality INTEGER NOT NULL CHECK (content_quality BETWEEN 0 AND 100),
  clarity INTEGER NOT NULL CHECK (clarity BETWEEN 0 AND 100),
  confidence INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
  technical_accuracy INTEGER NOT NULL CHECK (technical_accuracy BETWEEN 0 AND 100),
  result TEXT NOT NULL,
  -- Criteria where a model's score differs from the builtin one by more than 30 points.
  flags TEXT NOT NULL DEFAULT '[]',
  created_at TEXT NOT NULL,
  PRIMARY KEY (answer_id, provider)
);
CREATE INDEX evaluations_created ON evaluations (created_at);
