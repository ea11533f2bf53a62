-- A log entry keeps the time and status of the event that brought it, so a sub-step's log reads in the order of its
-- events' times however they arrived (a late, earlier event's line goes before later ones). Every chunk of an entry
-- carries the same values. Rows written before this have neither and read first, in the order they arrived.
ALTER TABLE sub_step_log ADD COLUMN event_time DATETIME(3);
ALTER TABLE sub_step_log ADD COLUMN status VARCHAR(16);
