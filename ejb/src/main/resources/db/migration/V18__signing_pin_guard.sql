-- The server's half of a web app's signing-key protection (issue 19): the app wraps its signing key under a key derived
-- from the signing PIN and this secret, which medsign releases only to the bound device after counting the PIN try.
CREATE SEQUENCE signing_pin_guard_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE signing_pin_guard (
    id                  BIGINT        PRIMARY KEY,
    certificate_serial  VARCHAR(40)   NOT NULL UNIQUE,
    owner               VARCHAR(16)   NOT NULL,
    -- SHA-256 of the PIN verifier the app derives from the PIN (with a salt only the phone holds)
    verifier_hash       VARCHAR(64)   NOT NULL,
    -- the 32-byte secret, sealed with the data key
    sealed_secret       BYTEA         NOT NULL,
    failures            INTEGER       NOT NULL,
    locked_until        TIMESTAMP WITH TIME ZONE,
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
