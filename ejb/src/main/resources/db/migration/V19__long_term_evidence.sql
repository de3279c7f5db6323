-- How far each kept signature's evidence goes (T: as signed and timestamped; LT: with its validation data), for the
-- long-term-evidence job, which finds the T ones past their revocation grace period by this index; the job's claim row.
ALTER TABLE record_signature ADD COLUMN evidence_level VARCHAR(8) DEFAULT 'T' NOT NULL;
ALTER TABLE record_signature ADD COLUMN augmented_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX record_signature_evidence ON record_signature (evidence_level, id);
ALTER TABLE institution_signature ADD COLUMN evidence_level VARCHAR(8) DEFAULT 'T' NOT NULL;
ALTER TABLE institution_signature ADD COLUMN augmented_at TIMESTAMP WITH TIME ZONE;
INSERT INTO job_run_lock (job_name) VALUES ('long-term-evidence');
