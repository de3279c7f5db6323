-- Signatures made with the hospital's institution certificate (醫事機構憑證) over record versions past the 24-hour
-- rule. Apart from record_signature: the author's own signature of the same version (補簽) is still required.
CREATE SEQUENCE institution_signature_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE institution_signature (
    id                  BIGINT        PRIMARY KEY,
    his_record_id       BIGINT        NOT NULL,
    record_version      INTEGER       NOT NULL,
    author              VARCHAR(16)   NOT NULL,
    certificate_serial  VARCHAR(40)   NOT NULL,
    digest              VARCHAR(64)   NOT NULL,
    timestamp_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    cms                 BYTEA         NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT institution_signature_once UNIQUE (his_record_id, record_version)
);
CREATE INDEX institution_signature_author ON institution_signature (author, created_at);
