-- The Home screen's first steps: when the candidate hid the checklist, and when they first opened a session's
-- report (the one step the rest of the data cannot show). A single row, written on first use.
CREATE TABLE guide (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  dismissed_at TEXT,
  report_seen_at TEXT
);
