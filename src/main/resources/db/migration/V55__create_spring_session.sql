-- Browser sessions in the database (Spring Session JDBC), so a login, its CSRF token and a share-link visit work on
-- every app node. Spring Session's MySQL schema, without ENGINE/ROW_FORMAT so that H2 runs it too (MySQL 8 and
-- MariaDB default to InnoDB with dynamic rows). The table names stay upper-case: Spring Session's queries spell them
-- so, and MySQL table names are case-sensitive on Linux. Both tables have primary keys (Galera needs them).
CREATE TABLE SPRING_SESSION (
    PRIMARY_ID            CHAR(36)     NOT NULL,
    SESSION_ID            CHAR(36)     NOT NULL,
    CREATION_TIME         BIGINT       NOT NULL,
    LAST_ACCESS_TIME      BIGINT       NOT NULL,
    MAX_INACTIVE_INTERVAL INT          NOT NULL,
    EXPIRY_TIME           BIGINT       NOT NULL,
    PRINCIPAL_NAME        VARCHAR(100),
    CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);
-- A request finds its session by the cookie's id; the clean-up job deletes by expiry; sign-outs find a user's sessions.
CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

-- One row per session attribute, Java-serialized. MEDIUMBLOB, not BLOB (64 KB on MySQL): a saved request may carry
-- a result page's query string of hundreds of pasted IPs (up to 64 KB of headers).
CREATE TABLE SPRING_SESSION_ATTRIBUTES (
    SESSION_PRIMARY_ID CHAR(36)     NOT NULL,
    ATTRIBUTE_NAME     VARCHAR(200) NOT NULL,
    ATTRIBUTE_BYTES    MEDIUMBLOB   NOT NULL,
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
    CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION (PRIMARY_ID)
        ON DELETE CASCADE
);
