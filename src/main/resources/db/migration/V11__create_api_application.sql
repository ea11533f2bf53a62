-- API callers, the BlueKing way: bk_app_code + bk_app_secret. secret_hash is a DelegatingPasswordEncoder hash; the
-- secret itself is shown once, when it is created.
CREATE TABLE api_application (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    app_code    VARCHAR(64)  NOT NULL,
    secret_hash VARCHAR(255) NOT NULL,
    description VARCHAR(200),
    read_all    BOOLEAN      NOT NULL,
    write_all   BOOLEAN      NOT NULL,
    enabled     BOOLEAN      NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (id),
    CONSTRAINT uq_api_application_app_code UNIQUE (app_code)
);

-- Per-business grants: read, or read and write (report, retry, revoke) when can_write is set.
CREATE TABLE api_application_grant (
    application_id BIGINT  NOT NULL,
    bk_biz_id      BIGINT  NOT NULL,
    can_write      BOOLEAN NOT NULL,
    PRIMARY KEY (application_id, bk_biz_id),
    CONSTRAINT fk_api_application_grant_application FOREIGN KEY (application_id) REFERENCES api_application (id)
);
