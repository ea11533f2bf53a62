-- Read-only share links of one subscription (optionally one instance). Only the SHA-256 of the token is stored:
-- the token (256 random bits) is shown once, when the link is created.
CREATE TABLE share_link (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    token_hash      CHAR(64)     NOT NULL,
    subscription_id BIGINT       NOT NULL,
    instance_id     VARCHAR(255),
    created_by      VARCHAR(64)  NOT NULL,
    created_at      DATETIME(3)  NOT NULL,
    expires_at      DATETIME(3)  NOT NULL,
    revoked_at      DATETIME(3),
    revoked_by      VARCHAR(64),
    PRIMARY KEY (id),
    CONSTRAINT uq_share_link_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_share_link_subscription FOREIGN KEY (subscription_id) REFERENCES subscription (id)
);
-- The share-links page of a subscription, newest first.
CREATE INDEX ix_share_link_subscription ON share_link (subscription_id, id);
