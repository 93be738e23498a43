-- The candidate changed whether they appear on the public leaderboard while the server could not be reached:
-- the next pass that reaches it tells it, so the server never keeps showing someone who chose to hide.
ALTER TABLE sync_settings ADD COLUMN public_pending INTEGER NOT NULL DEFAULT 0 CHECK (public_pending IN (0, 1));
