-- Counts every committed change to a task's records, sub-steps or state, so a live page can tell with one small
-- read that nothing it shows can have changed (see TaskDao.changeStamp).
ALTER TABLE subscription_task ADD COLUMN change_count BIGINT NOT NULL DEFAULT 0;
