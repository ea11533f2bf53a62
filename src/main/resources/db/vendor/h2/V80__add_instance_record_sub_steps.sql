-- A record's sub-step states in one column of its own row (subscription/SubStepColumn): a page of 50 records reads 50
-- rows instead of 600 sub-step rows, and a batch of events writes each record's row once. H2 keeps a VARCHAR in the
-- row; its LONGTEXT would be a CLOB kept apart. The same length as MySQL's TEXT (V80 in db/vendor/mysql).
-- Kept with it on every write of the sub-steps: running_since, the earliest start of the running sub-steps (the
-- "longest running first" order sorts by it), and sub_steps_at, the server's time of the last write (the zombie
-- check's last sign of life). One statement: H2 copies the whole table for each ALTER (50 s for 400,000 records).
-- V82 (subscription/SubStepColumnFill, a Java migration) fills the three from record_sub_step; V83 drops that table.
ALTER TABLE instance_record ADD COLUMN (sub_steps VARCHAR(65535), running_since DATETIME(3), sub_steps_at DATETIME(3));
