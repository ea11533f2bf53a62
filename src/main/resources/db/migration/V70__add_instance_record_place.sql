-- Where each record stands (the step panels of the subscription page): the sub-step it is at and, once failed, the
-- normalised error it failed with. Written with the record's progress, so the step matrix and failure clusters are
-- maintained counters and the table can filter on them through an index.
-- at_step / at_sub: the furthest running sub-step, else the first failed, else the first terminated, else (all done)
-- the last one, else the first pending one. error_key: the first 16 hex digits of SHA-256 of the failing sub-step's
-- normalised error line (numbers, IPs, ids, paths, times and hex masked); error_line: that line as logged.
ALTER TABLE instance_record ADD COLUMN at_step INT NOT NULL DEFAULT 0;
ALTER TABLE instance_record ADD COLUMN at_sub INT NOT NULL DEFAULT 0;
ALTER TABLE instance_record ADD COLUMN error_key CHAR(16);
ALTER TABLE instance_record ADD COLUMN error_line VARCHAR(500);
-- A matrix cell or a failure cluster of one task in record id order, and their is_latest twin (all tasks).
CREATE INDEX ix_instance_record_task_place ON instance_record (task_id, status, at_step, at_sub, error_key, id);
CREATE INDEX ix_instance_record_sub_latest_place
    ON instance_record (subscription_id, is_latest, status, at_step, at_sub, error_key, id);

-- Maintained counters, written in the same transaction as every status or place change: records per scope, plan,
-- sub-step and status. by_task: scope_id is a task (its records); else a subscription (its latest records). The plan
-- is part of the key so the page names each row from the few plans present without reading the records.
CREATE TABLE step_status_count (
    by_task    BOOLEAN     NOT NULL,
    scope_id   BIGINT      NOT NULL,
    plan_id    BIGINT      NOT NULL,
    step_index INT         NOT NULL,
    sub_index  INT         NOT NULL,
    status     VARCHAR(16) NOT NULL,
    cnt        INT         NOT NULL,
    PRIMARY KEY (by_task, scope_id, plan_id, step_index, sub_index, status)
);
-- Failed records per scope, sub-step and normalised error (the failure clusters).
CREATE TABLE failure_count (
    by_task    BOOLEAN  NOT NULL,
    scope_id   BIGINT   NOT NULL,
    step_index INT      NOT NULL,
    sub_index  INT      NOT NULL,
    error_key  CHAR(16) NOT NULL,
    cnt        INT      NOT NULL,
    PRIMARY KEY (by_task, scope_id, step_index, sub_index, error_key)
);
