-- Signatures of HIS records (M23) and the E Portal bindings that allow a phone to sign (M19).
CREATE SEQUENCE record_signature_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE record_signature (
    id                  BIGINT        PRIMARY KEY,
    his_record_id       BIGINT        NOT NULL,
    record_version      INTEGER       NOT NULL,
    signer              VARCHAR(16)   NOT NULL REFERENCES staff_member (employee_number),
    certificate_serial  VARCHAR(40)   NOT NULL REFERENCES certificate (serial),
    batch_id            VARCHAR(36)   NOT NULL,
    digest              VARCHAR(64)   NOT NULL,
    signing_time        TIMESTAMP WITH TIME ZONE NOT NULL,
    timestamp_time      TIMESTAMP WITH TIME ZONE NOT NULL,
    delay_reason        VARCHAR(200),
    cms                 BYTEA         NOT NULL,
    his_marked          BOOLEAN       NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Exactly once: one signature per record version, whoever retries or races.
    CONSTRAINT record_signature_once UNIQUE (his_record_id, record_version)
);
CREATE INDEX record_signature_signer ON record_signature (signer, created_at);
CREATE INDEX record_signature_unmarked ON record_signature (his_marked);

CREATE SEQUENCE eportal_binding_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE eportal_binding (
    id               BIGINT        PRIMARY KEY,
    employee_number  VARCHAR(16)   NOT NULL REFERENCES staff_member (employee_number),
    device_id        VARCHAR(36)   NOT NULL UNIQUE REFERENCES device (public_id),
    bound_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    bound_from       VARCHAR(64)   NOT NULL
);
