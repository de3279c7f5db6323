-- The HIS write-back queue is record_signature itself: a signature waits while his_marked is false and the HIS has
-- not answered (his_outcome NULL). The HIS's answer is kept: MARKED or ALREADY_SIGNED (his_marked true), or
-- STALE_VERSION / NOT_FOUND (the HIS moved on or never had that record version: nothing to mark, never retried).
ALTER TABLE record_signature ADD COLUMN his_outcome VARCHAR(16);
ALTER TABLE record_signature ADD COLUMN his_written_at TIMESTAMP WITH TIME ZONE;
UPDATE record_signature SET his_outcome = 'MARKED' WHERE his_marked;
-- The queue is drained in storage order, (created_at, id); the old index on the flag alone could not give that order.
DROP INDEX record_signature_unmarked;
CREATE INDEX record_signature_unmarked ON record_signature (his_marked, created_at, id);
INSERT INTO job_run_lock (job_name) VALUES ('his-write-back');
