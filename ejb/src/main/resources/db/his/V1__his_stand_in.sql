-- The HIS stand-in: the part of a hospital information system that medsign reads (records to sign) and writes
-- back (their signed state). Another system's schema: lenient on purpose (no foreign keys, free codes), so
-- malformed rows can exist and the scan must survive them.
CREATE TABLE his_record_type (
    code        VARCHAR(24)  PRIMARY KEY,
    name_zh     VARCHAR(64)  NOT NULL,
    name_en     VARCHAR(64)  NOT NULL
);

CREATE TABLE his_patient (
    chart_number  VARCHAR(16)  PRIMARY KEY,
    name          VARCHAR(64)  NOT NULL,
    sex           VARCHAR(8),
    birth_date    DATE
);

CREATE TABLE his_record (
    id              BIGINT        PRIMARY KEY,
    chart_number    VARCHAR(16),
    record_type     VARCHAR(24),
    author          VARCHAR(16),
    site_code       VARCHAR(8),
    department      VARCHAR(16),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- The content's last change; a change makes a new version, which needs its own signature.
    modified_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    version         INTEGER       NOT NULL,
    content         VARCHAR(8000),
    -- The version the author signed (here or with the card in the HIS), NULL while never signed.
    signed_version  INTEGER,
    signed_at       TIMESTAMP WITH TIME ZONE,
    signed_by       VARCHAR(16),
    signature_ref   VARCHAR(64),
    -- Any change of the row (content or signed state): the watermark of incremental scans.
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX his_record_modified ON his_record (modified_at, id);
CREATE INDEX his_record_changed ON his_record (changed_at, id);
CREATE INDEX his_record_author ON his_record (author, modified_at);

INSERT INTO his_record_type (code, name_zh, name_en) VALUES
    ('TRANSFER', '轉運救護紀錄', 'Ambulance transfer record'),
    ('HOME_CARE_ORDER', '全民健康保險居家醫療照護醫囑單', 'NHI home medical care order'),
    ('NURSING', '護理紀錄', 'Nursing record'),
    ('PROGRESS', '病程紀錄', 'Progress note'),
    ('ORDER', '醫囑單', 'Medical order'),
    ('DISCHARGE', '出院病歷摘要', 'Discharge summary'),
    ('ADMISSION', '入院紀錄', 'Admission note');
