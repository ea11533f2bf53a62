-- A record's sub-step states in one column of its own row (subscription/SubStepColumn): a page of 50 records reads 50
-- rows instead of 600 sub-step rows, and a batch of events writes each record's row once. TEXT: InnoDB keeps a value of
-- a few hundred bytes in the row, and a VARCHAR of this length would not fit MySQL's 65,535-byte row limit in utf8mb4.
-- H2 has its own V80 (db/vendor/h2).
ALTER TABLE instance_record ADD COLUMN sub_steps TEXT;
