-- AI providers: the candidate's settings (one row), usage per provider and day (for quotas and the spending
-- meter), and a cache of generated question sets and evaluations with hit/miss counters.
CREATE TABLE ai_settings (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE ai_usage (
  provider TEXT NOT NULL,
  day TEXT NOT NULL,
  requests INTEGER NOT NULL DEFAULT 0,
  characters INTEGER NOT NULL DEFAULT 0,
  cost_micros INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (provider, day)
);

CREATE TABLE ai_cache (
  kind TEXT NOT NULL CHECK (kind IN ('questions', 'evaluation')),
  key TEXT NOT NULL,
  value TEXT NOT NULL,
  provider TEXT NOT NULL,
  model TEXT,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  PRIMARY KEY (kind, key)
);
CREATE INDEX ai_cache_expires_at ON ai_cache (expires_at);

CREATE TABLE ai_cache_stats (
  kind TEXT PRIMARY KEY CHECK (kind IN ('questions', 'evaluation')),
  hits INTEGER NOT NULL DEFAULT 0,
  misses INTEGER NOT NULL DEFAULT 0
);
INSERT INTO ai_cache_stats (kind) VALUES ('questions'), ('evaluation');
