-- Card login and the card presence proof (M3, M12): single-use challenges, the card-to-staff links for card
-- certificates that carry no identifier of their holder, and the two-signature presence ceremonies.

-- A challenge is signed by the card once. The id is the random nonce inside the signed text; the session id is
-- kept only as a SHA-256 digest (it is a bearer secret).
CREATE TABLE card_challenge (
    id              VARCHAR(43)    PRIMARY KEY,
    purpose         VARCHAR(16)    NOT NULL,
    session_hash    VARCHAR(64)    NOT NULL,
    origin          VARCHAR(200)   NOT NULL,
    challenge_text  VARCHAR(1024)  NOT NULL,
    issued_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    used_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX card_challenge_expiry ON card_challenge (expires_at);

-- Set by IT for a card whose certificate names no holder: the card certificate's SHA-256 to an employee number.
CREATE SEQUENCE card_holder_link_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE card_holder_link (
    id                  BIGINT        PRIMARY KEY,
    certificate_sha256  VARCHAR(64)   NOT NULL UNIQUE,
    employee_number     VARCHAR(16)   NOT NULL REFERENCES staff_member (employee_number),
    note                VARCHAR(100),
    linked_by           VARCHAR(32)   NOT NULL,
    linked_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- PIN, pull the card out, insert it again, PIN (M12). Rows are short-lived: the certificate application redeems
-- a proven ceremony once, and old rows are purged.
CREATE TABLE card_presence (
    id                VARCHAR(22)    PRIMARY KEY,
    employee_number   VARCHAR(16)    NOT NULL,
    session_hash      VARCHAR(64)    NOT NULL,
    origin            VARCHAR(200)   NOT NULL,
    context           VARCHAR(200),
    status            VARCHAR(12)    NOT NULL,
    started_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    expires_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    first_challenge   VARCHAR(43)    NOT NULL,
    first_text        VARCHAR(1024)  NOT NULL,
    second_challenge  VARCHAR(43),
    second_text       VARCHAR(1024),
    card_sha256       VARCHAR(64),
    card_certificate  BYTEA,
    algorithm         VARCHAR(20),
    first_signature   BYTEA,
    second_signature  BYTEA,
    agent_seq         BIGINT,
    agent_events      VARCHAR(400),
    revocation_checked BOOLEAN,
    first_signed_at   TIMESTAMP WITH TIME ZONE,
    proven_at         TIMESTAMP WITH TIME ZONE,
    redeemed_at       TIMESTAMP WITH TIME ZONE,
    version           BIGINT         NOT NULL
);
CREATE INDEX card_presence_started ON card_presence (started_at);
