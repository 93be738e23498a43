-- Which model wrote a generated question ("llama3.2 (Ollama)"), as the candidate knew it then: My questions
-- shows it, so a question can be weighed by who wrote it. Null for every other origin and for questions
-- generated before this column.
ALTER TABLE private_questions ADD COLUMN written_by TEXT;
