-- Who did what, when, to how many hosts: operator actions, share links, logins of note.
CREATE TABLE audit_log (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at     DATETIME(3)   NOT NULL,
    actor           VARCHAR(128)  NOT NULL,
    action          VARCHAR(64)   NOT NULL,
    subscription_id BIGINT,
    task_id         BIGINT,
    host_count      INT,
    detail          VARCHAR(2000),
    PRIMARY KEY (id)
);
-- The audit panel of a subscription page, newest first.
CREATE INDEX ix_audit_log_subscription ON audit_log (subscription_id, id);
