-- The pending index (待簽病歷): one row per HIS record whose current version awaits its author's signature and
-- was created or modified inside the window (R1). Built by the unsigned-scan job, refreshed per person on demand.
-- Patient names are stored masked only (陳OO); the HIS keeps the real one.
CREATE TABLE pending_record (
    his_record_id     BIGINT       PRIMARY KEY,
    version           INTEGER      NOT NULL,
    author            VARCHAR(16)  NOT NULL,
    site_code         VARCHAR(8)   NOT NULL,
    department        VARCHAR(16),
    record_type       VARCHAR(24)  NOT NULL,
    type_name         VARCHAR(64)  NOT NULL,
    chart_number      VARCHAR(16)  NOT NULL,
    patient_masked    VARCHAR(40)  NOT NULL,
    his_created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    his_modified_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Hex SHA-256 of the version's canonical bytes (org.medsign.his.CanonicalRecord).
    digest            VARCHAR(64)  NOT NULL,
    -- Set when medsign signed this version before the HIS shows it signed: hides the row until the scan drops it.
    signed_version    INTEGER,
    -- The version the signing-deadline job last handed to the overdue seam (institution signing, later).
    overdue_version   INTEGER,
    indexed_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX pending_record_author ON pending_record (author, his_modified_at);
CREATE INDEX pending_record_modified ON pending_record (his_modified_at, his_record_id);
CREATE INDEX pending_record_created ON pending_record (his_created_at);

-- Where the incremental scan stands in the HIS's change stream, and when the last full scan finished.
CREATE TABLE pending_scan_state (
    name              VARCHAR(32)  PRIMARY KEY,
    watermark_at      TIMESTAMP WITH TIME ZONE,
    watermark_id      BIGINT,
    last_full_at      TIMESTAMP WITH TIME ZONE,
    last_run_at       TIMESTAMP WITH TIME ZONE
);
INSERT INTO pending_scan_state (name) VALUES ('unsigned-scan');

-- The plan of one unsigned-scan job instance, fixed at its start so a restart walks the same window.
CREATE TABLE pending_scan_run (
    job_instance_id   BIGINT       PRIMARY KEY,
    mode              VARCHAR(12)  NOT NULL,
    window_start      TIMESTAMP WITH TIME ZONE NOT NULL,
    window_end        TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
