-- The staff directory: sites (院區), departments (單位科別), professions (職類), staff members and portal accounts.
-- Sequences start at their increment: EclipseLink takes each value as the last id of a block of 50.
CREATE TABLE site (
    code        VARCHAR(8)  PRIMARY KEY,
    name_zh     VARCHAR(64) NOT NULL,
    name_en     VARCHAR(64) NOT NULL
);

CREATE TABLE profession (
    code        VARCHAR(24) PRIMARY KEY,
    name_zh     VARCHAR(64) NOT NULL,
    name_en     VARCHAR(64) NOT NULL
);

CREATE SEQUENCE department_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE department (
    id          BIGINT      PRIMARY KEY,
    code        VARCHAR(16) NOT NULL,
    site_code   VARCHAR(8)  NOT NULL REFERENCES site (code),
    name_zh     VARCHAR(64) NOT NULL,
    name_en     VARCHAR(64) NOT NULL,
    CONSTRAINT department_code_unique UNIQUE (site_code, code)
);

CREATE SEQUENCE staff_member_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE staff_member (
    id                  BIGINT       PRIMARY KEY,
    employee_number     VARCHAR(16)  NOT NULL UNIQUE,
    name                VARCHAR(64)  NOT NULL,
    title               VARCHAR(64),
    sex                 VARCHAR(8)   NOT NULL,
    -- The national ID is sealed (AES-GCM); lists show only the masked form; the keyed digest finds a person.
    national_id_sealed  BYTEA        NOT NULL,
    national_id_masked  VARCHAR(16)  NOT NULL,
    national_id_digest  VARCHAR(64)  NOT NULL UNIQUE,
    email               VARCHAR(128),
    phone               VARCHAR(32),
    licence_number      VARCHAR(32),
    site_code           VARCHAR(8)   NOT NULL REFERENCES site (code),
    department_id       BIGINT       REFERENCES department (id),
    profession_code     VARCHAR(24)  REFERENCES profession (code),
    active              BOOLEAN      NOT NULL,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX staff_member_department ON staff_member (department_id);

CREATE SEQUENCE portal_account_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE portal_account (
    id                   BIGINT       PRIMARY KEY,
    staff_member_id      BIGINT       NOT NULL UNIQUE REFERENCES staff_member (id),
    username             VARCHAR(32)  NOT NULL UNIQUE,
    password_hash        VARCHAR(200) NOT NULL,
    roles                VARCHAR(100) NOT NULL,
    failed_attempts      INTEGER      NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    password_changed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_login_at        TIMESTAMP WITH TIME ZONE,
    version              BIGINT       NOT NULL
);
