-- Subscriptions, their steps and their tasks. Portable SQL: runs unchanged on H2 (MODE=MySQL) and MySQL 8 / MariaDB.
-- All DATETIME columns hold UTC; the API renders them in subwatch.time-zone.

CREATE TABLE subscription (
    id             BIGINT       NOT NULL AUTO_INCREMENT,
    name           VARCHAR(200) NOT NULL,
    bk_biz_id      BIGINT       NOT NULL,
    object_type    VARCHAR(16)  NOT NULL,
    node_type      VARCHAR(16)  NOT NULL,
    category       VARCHAR(32),
    plugin_name    VARCHAR(64),
    owner          VARCHAR(64)  NOT NULL,
    created_by     VARCHAR(64)  NOT NULL,
    created_at     DATETIME(3)  NOT NULL,
    latest_task_id BIGINT,
    PRIMARY KEY (id)
);
-- The subscription list: newest first, optionally one business.
CREATE INDEX ix_subscription_biz_id ON subscription (bk_biz_id, id);

CREATE TABLE subscription_step (
    subscription_id BIGINT      NOT NULL,
    step_index      INT         NOT NULL,
    step_id         VARCHAR(64) NOT NULL,
    step_type       VARCHAR(16) NOT NULL,
    PRIMARY KEY (subscription_id, step_index),
    CONSTRAINT uq_subscription_step_id UNIQUE (subscription_id, step_id),
    CONSTRAINT fk_subscription_step_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id)
);

CREATE TABLE subscription_task (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    subscription_id BIGINT        NOT NULL,
    is_ready        BOOLEAN       NOT NULL,
    err_msg         VARCHAR(2000),
    is_auto_trigger BOOLEAN       NOT NULL,
    pipeline_id     CHAR(32)      NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    created_at      DATETIME(3)   NOT NULL,
    instance_count  INT           NOT NULL,
    last_event_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (id)
);
-- "the newest task of a subscription", the task selector, task_id_list validation.
CREATE INDEX ix_subscription_task_subscription ON subscription_task (subscription_id, id);
ALTER TABLE subscription_task
    ADD CONSTRAINT fk_subscription_task_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id);
-- The pending-task listing for external executors.
CREATE INDEX ix_subscription_task_ready ON subscription_task (is_ready, id);

-- Maintained counters: records per task and status, written in the same transaction as every status change.
CREATE TABLE task_status_count (
    task_id BIGINT      NOT NULL,
    status  VARCHAR(16) NOT NULL,
    cnt     INT         NOT NULL,
    PRIMARY KEY (task_id, status)
);

-- Maintained counters over the latest record of every instance of a subscription (need_aggregate_all_tasks).
CREATE TABLE subscription_status_count (
    subscription_id BIGINT      NOT NULL,
    status          VARCHAR(16) NOT NULL,
    cnt             INT         NOT NULL,
    PRIMARY KEY (subscription_id, status)
);
