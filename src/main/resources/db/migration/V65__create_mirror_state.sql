-- NodeMan mirror (io.subwatch.mirror): the state of each configured source, and which local subscription, task and
-- record stand for which of the source's, so a restart (or a second node) resumes without creating anything twice.
CREATE TABLE mirror_source (
    name            VARCHAR(64)   NOT NULL,
    last_attempt_at DATETIME(3),
    last_success_at DATETIME(3),
    last_error      VARCHAR(2000),
    requests        BIGINT        NOT NULL DEFAULT 0,
    lag_ms          BIGINT,
    PRIMARY KEY (name)
);

CREATE TABLE mirror_subscription (
    source          VARCHAR(64)   NOT NULL,
    source_id       BIGINT        NOT NULL,
    subscription_id BIGINT        NOT NULL,
    PRIMARY KEY (source, source_id)
);
-- The page of a local subscription asks whether it is mirrored.
CREATE UNIQUE INDEX ux_mirror_subscription_local ON mirror_subscription (subscription_id);

-- counters: the source's status_counter and total as last read; finished: nothing pending or running, never read again.
CREATE TABLE mirror_task (
    source          VARCHAR(64)   NOT NULL,
    source_id       BIGINT        NOT NULL,
    source_sub_id   BIGINT        NOT NULL,
    task_id         BIGINT        NOT NULL,
    counters        VARCHAR(1000),
    finished        BOOLEAN       NOT NULL DEFAULT FALSE,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX ix_mirror_task_subscription ON mirror_task (source, source_sub_id, source_id);

-- status: the row status last read from the source; a change fetches the row again with need_detail.
CREATE TABLE mirror_record (
    source          VARCHAR(64)   NOT NULL,
    source_id       BIGINT        NOT NULL,
    source_task_id  BIGINT        NOT NULL,
    record_id       BIGINT        NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    PRIMARY KEY (source, source_id)
);
CREATE INDEX ix_mirror_record_task ON mirror_record (source, source_task_id, source_id);
