-- The sub-step states live in instance_record.sub_steps since V80 and were copied there by V82.
DROP TABLE record_sub_step;
