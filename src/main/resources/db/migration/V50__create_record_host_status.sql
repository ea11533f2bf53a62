-- Plugin process statuses an executor reported for a record (instance_info.host_statuses: name, status, version),
-- copied out of the instance_info text when the record is created, so statistic can count versions and
-- instance_status can list them without reading and parsing 100,000 instance_info documents.
CREATE TABLE record_host_status (
    record_id       BIGINT       NOT NULL,
    position        INT          NOT NULL,
    subscription_id BIGINT       NOT NULL,
    name            VARCHAR(64)  NOT NULL,
    status          VARCHAR(32),
    version         VARCHAR(64),
    PRIMARY KEY (record_id, position)
);
-- statistic's versions of one subscription: none reported is one empty index range.
CREATE INDEX ix_record_host_status_subscription ON record_host_status (subscription_id, record_id);
