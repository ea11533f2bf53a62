-- Retention walks the finished records oldest first (io.subwatch.retention.LogRetention).
CREATE INDEX ix_instance_record_finish ON instance_record (finish_time, id);
