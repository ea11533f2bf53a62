-- Places of the records written before V70, from their stored sub-steps: the furthest running one, else the first
-- failed, else the first terminated, else the furthest stored one (a finished record has them all), else the first.
-- A record that was between two sub-steps reads as at the last finished one until its next event moves it.
-- Failed records keep no error line from before: they share the key of the empty line (SHA-256 of "").
UPDATE instance_record SET at_step = COALESCE(
    (SELECT MAX(s.step_index * 65536 + s.sub_index) FROM record_sub_step s
        WHERE s.record_id = instance_record.id AND s.status = 'RUNNING'),
    (SELECT MIN(s.step_index * 65536 + s.sub_index) FROM record_sub_step s
        WHERE s.record_id = instance_record.id AND s.status = 'FAILED'),
    (SELECT MIN(s.step_index * 65536 + s.sub_index) FROM record_sub_step s
        WHERE s.record_id = instance_record.id AND s.status = 'TERMINATED'),
    (SELECT MAX(s.step_index * 65536 + s.sub_index) FROM record_sub_step s
        WHERE s.record_id = instance_record.id),
    0)
WHERE EXISTS (SELECT 1 FROM record_sub_step s WHERE s.record_id = instance_record.id);
-- at_step held the combined key just above; split it.
UPDATE instance_record SET at_sub = MOD(at_step, 65536), at_step = FLOOR(at_step / 65536) WHERE at_step > 0;
UPDATE instance_record SET error_key = 'e3b0c44298fc1c14' WHERE status = 'FAILED';

INSERT INTO step_status_count (by_task, scope_id, plan_id, step_index, sub_index, status, cnt)
SELECT TRUE, task_id, plan_id, at_step, at_sub, status, COUNT(*) FROM instance_record
GROUP BY task_id, plan_id, at_step, at_sub, status;
INSERT INTO step_status_count (by_task, scope_id, plan_id, step_index, sub_index, status, cnt)
SELECT FALSE, subscription_id, plan_id, at_step, at_sub, status, COUNT(*) FROM instance_record WHERE is_latest = TRUE
GROUP BY subscription_id, plan_id, at_step, at_sub, status;
INSERT INTO failure_count (by_task, scope_id, step_index, sub_index, error_key, cnt)
SELECT TRUE, task_id, at_step, at_sub, error_key, COUNT(*) FROM instance_record WHERE status = 'FAILED'
GROUP BY task_id, at_step, at_sub, error_key;
INSERT INTO failure_count (by_task, scope_id, step_index, sub_index, error_key, cnt)
SELECT FALSE, subscription_id, at_step, at_sub, error_key, COUNT(*) FROM instance_record
WHERE status = 'FAILED' AND is_latest = TRUE
GROUP BY subscription_id, at_step, at_sub, error_key;
