-- Browser users: database accounts with one role and their business grants. Portable SQL (H2 MODE=MySQL, MySQL 8,
-- MariaDB). Usernames are stored lower case; password_hash is a DelegatingPasswordEncoder hash ({bcrypt}...).
CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    username            VARCHAR(64)  NOT NULL,
    password_hash       VARCHAR(255) NOT NULL,
    role                VARCHAR(16)  NOT NULL,
    all_businesses      BOOLEAN      NOT NULL,
    enabled             BOOLEAN      NOT NULL,
    -- Bumped when the password changes: sessions signed in with the old password end on their next request.
    credentials_version INT          NOT NULL,
    created_at          DATETIME(3)  NOT NULL,
    created_by          VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_app_user_username UNIQUE (username)
);

-- The businesses (bk_biz_id) a user may see (and, as OPERATOR, act on) unless all_businesses is set.
CREATE TABLE app_user_grant (
    user_id   BIGINT NOT NULL,
    bk_biz_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, bk_biz_id),
    CONSTRAINT fk_app_user_grant_user FOREIGN KEY (user_id) REFERENCES app_user (id)
);
