-- Failed sign-ins per user name ("user:<name>") and per client address ("addr:<ip>"), for login throttling.
-- Shared by every node; rows older than the forget window are purged.
CREATE TABLE login_failure (
    throttle_key    VARCHAR(200) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (throttle_key)
);
-- Purge of forgotten failures.
CREATE INDEX ix_login_failure_last_failure ON login_failure (last_failure_at);
