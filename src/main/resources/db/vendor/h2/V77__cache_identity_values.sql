-- H2 only (MySQL hands out AUTO_INCREMENT values in memory). H2 keeps 32 identity values in memory and, to take the
-- next 32, commits the new high-water mark in a transaction of its own, which with WRITE_DELAY=0 writes the store to
-- the file: every 32 log rows or records inserted cost one extra file write, 16 per batch of 1,000 events (6 % of the
-- events ingest's samples on H2). A crash skips at most the cached values; none is reused.
ALTER TABLE sub_step_log ALTER COLUMN id SET CACHE 1000;
ALTER TABLE instance_record ALTER COLUMN id SET CACHE 1000;
