-- A record's sub-step states in one column of its own row (subscription/SubStepColumn): a page of 50 records reads 50
-- rows instead of 600 sub-step rows, and a batch of events writes each record's row once. TEXT: InnoDB keeps a value of
-- a few hundred bytes in the row, and a VARCHAR of this length would not fit MySQL's 65,535-byte row limit in utf8mb4.
-- Kept with it on every write of the sub-steps: running_since, the earliest start of the running sub-steps (the
-- "longest running first" order sorts by it), and sub_steps_at, the server's time of the last write (the zombie
-- check's last sign of life). H2 has its own V80 (db/vendor/h2).
-- V82 (subscription/SubStepColumnFill, a Java migration) fills the three from record_sub_step; V83 drops that table.
ALTER TABLE instance_record ADD COLUMN (sub_steps TEXT, running_since DATETIME(3), sub_steps_at DATETIME(3));
