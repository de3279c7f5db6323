-- Which node holds a job's claim: when that node leaves the cluster view (it died), a survivor restarts the run from
-- its checkpoints (JobTakeover) instead of leaving it STARTED until IT notices.
ALTER TABLE job_run_lock ADD COLUMN claimed_by VARCHAR(100);
