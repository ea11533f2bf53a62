-- A task made for a subset of the subscription's instances (retry, retry_node, an executor's "partial": true) is
-- partial: it never changes the subscription's scope, which is the instance set of its newest full task.
ALTER TABLE subscription_task ADD COLUMN is_partial BOOLEAN NOT NULL DEFAULT FALSE;
-- The scope lookup: the newest full task of a subscription, read backwards along the index.
CREATE INDEX ix_subscription_task_scope ON subscription_task (subscription_id, is_partial, id);

-- What an executor may declare on a subscription and its steps, kept as given (JSON text) for the info endpoint.
-- LONGTEXT as V2 stores instance_info: the same type on H2 (MODE=MySQL) and MySQL 8 / MariaDB.
ALTER TABLE subscription ADD COLUMN enable BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE subscription ADD COLUMN bk_biz_scope LONGTEXT;
ALTER TABLE subscription ADD COLUMN scope_nodes LONGTEXT;
ALTER TABLE subscription_step ADD COLUMN config LONGTEXT;
ALTER TABLE subscription_step ADD COLUMN params LONGTEXT;
