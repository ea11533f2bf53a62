-- The progress panels (io.subwatch.progress) of one task: its most recently finished records newest first (the
-- sub-step duration sample), hosts finished in the last minutes (the ETA) and per time bucket (the chart), each an
-- index range of this task alone rather than a walk of all its records.
CREATE INDEX ix_instance_record_task_finish ON instance_record (task_id, finish_time);
