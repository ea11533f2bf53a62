-- A record's sub-step states in one column of its own row (subscription/SubStepColumn): a page of 50 records reads 50
-- rows instead of 600 sub-step rows, and a batch of events writes each record's row once. H2 keeps a VARCHAR in the
-- row; its LONGTEXT would be a CLOB kept apart. The same length as MySQL's TEXT (V80 in db/vendor/mysql).
ALTER TABLE instance_record ADD COLUMN sub_steps VARCHAR(65535);
