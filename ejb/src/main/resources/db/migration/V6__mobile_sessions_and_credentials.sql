-- Phone app logins (M14, M20) and the mobile signing credential: applications, enrolment tickets,
-- certificates and CRL publications.
CREATE SEQUENCE mobile_session_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE mobile_session (
    id                   BIGINT       PRIMARY KEY,
    token_hash           VARCHAR(64)  NOT NULL UNIQUE,
    employee_number      VARCHAR(16)  NOT NULL REFERENCES staff_member (employee_number),
    site_code            VARCHAR(8)   NOT NULL REFERENCES site (code),
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked              BOOLEAN      NOT NULL
);

CREATE SEQUENCE certificate_application_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE certificate_application (
    id                    BIGINT       PRIMARY KEY,
    public_id             VARCHAR(36)  NOT NULL UNIQUE,
    applicant             VARCHAR(16)  NOT NULL REFERENCES staff_member (employee_number),
    device_id             VARCHAR(36)  NOT NULL REFERENCES device (public_id),
    statement_version     VARCHAR(20)  NOT NULL,
    statement_accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Evidence of the card ceremony (M12): the card certificate and its signature over the application.
    card_certificate      BYTEA,
    card_evidence         BYTEA,
    status                VARCHAR(10)  NOT NULL,
    created_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE enrolment_ticket_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE enrolment_ticket (
    id               BIGINT       PRIMARY KEY,
    ticket_id        VARCHAR(64)  NOT NULL UNIQUE,
    application_id   BIGINT       NOT NULL REFERENCES certificate_application (id),
    owner            VARCHAR(16)  NOT NULL REFERENCES staff_member (employee_number),
    device_id        VARCHAR(36)  NOT NULL REFERENCES device (public_id),
    code_hash        VARCHAR(64)  NOT NULL,
    code_salt        VARCHAR(32)  NOT NULL,
    status           VARCHAR(10)  NOT NULL,
    wrong_codes      INTEGER      NOT NULL,
    issued_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at          TIMESTAMP WITH TIME ZONE,
    version          BIGINT       NOT NULL
);

CREATE SEQUENCE certificate_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE certificate (
    id                 BIGINT        PRIMARY KEY,
    serial             VARCHAR(40)   NOT NULL UNIQUE,
    owner              VARCHAR(16)   NOT NULL REFERENCES staff_member (employee_number),
    device_id          VARCHAR(36)   NOT NULL REFERENCES device (public_id),
    application_id     BIGINT        NOT NULL REFERENCES certificate_application (id),
    status             VARCHAR(10)   NOT NULL,
    subject            VARCHAR(300)  NOT NULL,
    key_description    VARCHAR(20)   NOT NULL,
    key_fingerprint    VARCHAR(64)   NOT NULL UNIQUE,
    encoded            BYTEA         NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE NOT NULL,
    not_after          TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    downloaded_at      TIMESTAMP WITH TIME ZONE,
    revoked_at         TIMESTAMP WITH TIME ZONE,
    revocation_reason  VARCHAR(24),
    version            BIGINT        NOT NULL
);
CREATE INDEX certificate_owner ON certificate (owner, status);
CREATE INDEX certificate_device ON certificate (device_id, status);
CREATE INDEX certificate_revoked ON certificate (revoked_at);

CREATE SEQUENCE crl_number_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE crl_publication (
    crl_number    BIGINT       PRIMARY KEY,
    this_update   TIMESTAMP WITH TIME ZONE NOT NULL,
    next_update   TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_count INTEGER      NOT NULL,
    encoded       BYTEA        NOT NULL
);
