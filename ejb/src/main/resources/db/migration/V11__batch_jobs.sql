-- One row per batch job: who runs it now. A job instance claims its row before it works, so two timers (or two
-- nodes of a cluster) never run the same job at once; a claim whose heartbeat is old belongs to a dead server.
CREATE TABLE job_run_lock (
    job_name          VARCHAR(40)  PRIMARY KEY,
    job_instance_id   BIGINT,
    execution_id      BIGINT,
    claimed_at        TIMESTAMP WITH TIME ZONE,
    heartbeat_at      TIMESTAMP WITH TIME ZONE
);
INSERT INTO job_run_lock (job_name) VALUES ('unsigned-scan'), ('signing-deadline'), ('signing-reminders');

-- What a run reports beside its counts, for the 批次作業 page: input it skipped (a malformed HIS row…) and the
-- reason it failed. Identifiers, error codes and reasons only, never personal data.
CREATE TABLE job_note (
    id                VARCHAR(36)  PRIMARY KEY,
    execution_id      BIGINT       NOT NULL,
    job_name          VARCHAR(40)  NOT NULL,
    kind              VARCHAR(8)   NOT NULL,
    error_code        VARCHAR(8)   NOT NULL,
    item              VARCHAR(64),
    reason            VARCHAR(300) NOT NULL,
    noted_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX job_note_execution ON job_note (execution_id, kind);
