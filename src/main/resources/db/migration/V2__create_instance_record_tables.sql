-- Step plans: the steps and sub-step names a record runs. Immutable and shared by every record with the same plan,
-- so 100,000 records of one task store their sub-step names once.
CREATE TABLE step_plan (
    id         BIGINT   NOT NULL AUTO_INCREMENT,
    plan_hash  CHAR(64) NOT NULL,
    definition LONGTEXT NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_step_plan_hash UNIQUE (plan_hash)
);

-- One row per instance per task. status is derived from the sub-steps and stored, so filters and counters agree.
-- is_latest marks the newest record of an instance within its subscription. The row changes only when its status or
-- times do (update_time says when): an event that moves a running record to its next sub-step writes sub-step rows only.
-- Writers of a record's progress hold the lock of its task row (subscription_task), so the record rows need none.
CREATE TABLE instance_record (
    id                 BIGINT        NOT NULL AUTO_INCREMENT,
    subscription_id    BIGINT        NOT NULL,
    task_id            BIGINT        NOT NULL,
    instance_id        VARCHAR(255)  NOT NULL,
    plan_id            BIGINT        NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    is_latest          BOOLEAN       NOT NULL,
    create_time        DATETIME(3)   NOT NULL,
    start_time         DATETIME(3),
    finish_time        DATETIME(3),
    update_time        DATETIME(3)   NOT NULL,
    bk_host_id         BIGINT,
    bk_host_innerip    VARCHAR(64),
    bk_host_innerip_v6 VARCHAR(64),
    bk_cloud_id        BIGINT,
    bk_host_name       VARCHAR(255),
    bk_biz_id          BIGINT,
    service_name       VARCHAR(255),
    simple_info        VARCHAR(2000) NOT NULL,
    PRIMARY KEY (id)
);
-- Index rule: a column compared with IN (...) leads its index (H2 looks IN lists up on the first column only).
-- "One instance once per task", and instance_id_list filters within a task.
CREATE UNIQUE INDEX ix_instance_record_instance_task ON instance_record (instance_id, task_id);
-- Paging window of one task in record id order.
CREATE INDEX ix_instance_record_task_id ON instance_record (task_id, id);
-- No foreign keys on this table: H2 would add an index of its own for each (it does not reuse (task_id, id)) and then
-- prefer it for the paging window, sorting a whole task per page. Records are written by RecordCreation alone, with a
-- task it has just locked and a plan it has just stored.
-- Status filter of one task, in record id order.
CREATE INDEX ix_instance_record_task_status ON instance_record (task_id, status, id);
-- Latest record per instance over several tasks, attempt history, instance lookups.
CREATE INDEX ix_instance_record_instance ON instance_record (instance_id, subscription_id, id);
-- need_aggregate_all_tasks: the latest records of a subscription in id order, with and without a status filter.
CREATE INDEX ix_instance_record_sub_latest ON instance_record (subscription_id, is_latest, id);
CREATE INDEX ix_instance_record_sub_latest_status ON instance_record (subscription_id, is_latest, status, id);
-- Search by (pasted lists of) IPs and host names in the pages.
CREATE INDEX ix_instance_record_ip ON instance_record (bk_host_innerip, subscription_id);
CREATE INDEX ix_instance_record_host_name ON instance_record (bk_host_name, subscription_id);

-- The full instance_info the executor reported, kept out of the hot table.
CREATE TABLE instance_info (
    record_id BIGINT   NOT NULL,
    info      LONGTEXT NOT NULL,
    PRIMARY KEY (record_id)
);

-- Sub-step state. A missing row means PENDING: rows appear with the first event, so creating a task of
-- 100,000 hosts writes 100,000 rows, not 1.2 million. start/finish are the executor's times; updated_at is when the
-- server last wrote the row (the zombie check trusts only the server's clock).
CREATE TABLE record_sub_step (
    record_id   BIGINT      NOT NULL,
    step_index  INT         NOT NULL,
    sub_index   INT         NOT NULL,
    status      VARCHAR(16) NOT NULL,
    start_time  DATETIME(3),
    finish_time DATETIME(3),
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (record_id, step_index, sub_index)
);

-- Log text, appended one chunk per event (insert only: no read-modify-write of a growing text). A chunk holds up to
-- 16,000 characters as a plain VARCHAR on both databases (no LOB handling); longer text continues in the next row.
CREATE TABLE sub_step_log (
    id         BIGINT         NOT NULL AUTO_INCREMENT,
    record_id  BIGINT         NOT NULL,
    step_index INT            NOT NULL,
    sub_index  INT            NOT NULL,
    continued  BOOLEAN        NOT NULL,
    text       VARCHAR(16000) NOT NULL,
    PRIMARY KEY (id)
);
CREATE INDEX ix_sub_step_log_record ON sub_step_log (record_id, step_index, sub_index, id);
