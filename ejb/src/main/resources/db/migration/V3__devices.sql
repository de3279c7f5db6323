-- Phones bound to staff (行動裝置) and the one-time tickets that bind them (匯入載具 → QR Code + 密碼).
CREATE SEQUENCE device_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE device (
    id                BIGINT        PRIMARY KEY,
    public_id         VARCHAR(36)   NOT NULL UNIQUE,
    owner             VARCHAR(16)   NOT NULL REFERENCES staff_member (employee_number),
    name              VARCHAR(30)   NOT NULL,
    -- The name while the device is bound; NULL once removed, so a removed device frees its name.
    active_name       VARCHAR(30),
    note              VARCHAR(60),
    platform          VARCHAR(20),
    os_version        VARCHAR(20),
    app_version       VARCHAR(20),
    app_build         INTEGER,
    model             VARCHAR(40),
    public_key        BYTEA         NOT NULL,
    key_description   VARCHAR(20)   NOT NULL,
    key_fingerprint   VARCHAR(64)   NOT NULL UNIQUE,
    status            VARCHAR(10)   NOT NULL,
    bound_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_at      TIMESTAMP WITH TIME ZONE,
    removed_at        TIMESTAMP WITH TIME ZONE,
    version           BIGINT        NOT NULL,
    CONSTRAINT device_active_name_unique UNIQUE (owner, active_name)
);

CREATE SEQUENCE binding_ticket_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE binding_ticket (
    id                BIGINT        PRIMARY KEY,
    ticket_id         VARCHAR(64)   NOT NULL UNIQUE,
    owner             VARCHAR(16)   NOT NULL REFERENCES staff_member (employee_number),
    device_name       VARCHAR(30)   NOT NULL,
    device_note       VARCHAR(60),
    code_hash         VARCHAR(64)   NOT NULL,
    code_salt         VARCHAR(32)   NOT NULL,
    status            VARCHAR(10)   NOT NULL,
    wrong_codes       INTEGER       NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at           TIMESTAMP WITH TIME ZONE,
    device_public_id  VARCHAR(36),
    version           BIGINT        NOT NULL
);
CREATE INDEX binding_ticket_owner ON binding_ticket (owner, status);
