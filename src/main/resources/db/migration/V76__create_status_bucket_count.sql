-- Maintained rank counters, written in the same transaction as every status change (like task_status_count): records
-- per scope, status and block of 1,024 record ids (bucket = id / 1024, rounded down). by_task: scope_id is a task (its
-- records); else a subscription (its latest records). A deep page over some statuses adds up these rows in bucket
-- order to find the block its first row lies in, then reads the index from that block on (subscription/StatusRanks),
-- instead of reading and merging every id before it. The block size is fixed by this fill: changing it means a
-- migration that fills the table again.
CREATE TABLE status_bucket_count (
    by_task  BOOLEAN     NOT NULL,
    scope_id BIGINT      NOT NULL,
    status   VARCHAR(16) NOT NULL,
    bucket   BIGINT      NOT NULL,
    cnt      INT         NOT NULL,
    PRIMARY KEY (by_task, scope_id, status, bucket)
);

INSERT INTO status_bucket_count (by_task, scope_id, status, bucket, cnt)
SELECT TRUE, task_id, status, FLOOR(id / 1024), COUNT(*)
FROM instance_record
GROUP BY task_id, status, FLOOR(id / 1024);

INSERT INTO status_bucket_count (by_task, scope_id, status, bucket, cnt)
SELECT FALSE, subscription_id, status, FLOOR(id / 1024), COUNT(*)
FROM instance_record
WHERE is_latest = TRUE
GROUP BY subscription_id, status, FLOOR(id / 1024);
