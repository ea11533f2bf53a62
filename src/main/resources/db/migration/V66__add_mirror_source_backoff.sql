-- The back-off of a failing source (io.subwatch.mirror.MirrorBackoffs): failed syncs in a row and when the next sync
-- is due, shared by every app node and kept over a restart, so a source that is down stays left alone.
ALTER TABLE mirror_source ADD COLUMN failures INT NOT NULL DEFAULT 0;
ALTER TABLE mirror_source ADD COLUMN next_attempt_at DATETIME(3);
