-- Kept with sub_steps (V80) on every write of a record's sub-steps:
-- running_since, the earliest start of its running sub-steps (the "longest running first" order sorts by it), and
-- sub_steps_at, the server's time of the last write (the zombie check's last sign of life).
-- V82 (subscription/SubStepColumnFill, a Java migration) fills the three from record_sub_step; V83 drops that table.
ALTER TABLE instance_record ADD COLUMN running_since DATETIME(3);
ALTER TABLE instance_record ADD COLUMN sub_steps_at DATETIME(3);
