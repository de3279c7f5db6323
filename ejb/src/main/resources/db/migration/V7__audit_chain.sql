-- The audit log becomes a hash chain: each row's hash covers its content and the previous row's hash, so a
-- changed, deleted or inserted row breaks the chain; checkpoints sign the chain head with the CA key.
ALTER TABLE audit_event ADD COLUMN sequence_number BIGINT;
ALTER TABLE audit_event ADD COLUMN previous_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
CREATE UNIQUE INDEX audit_event_sequence ON audit_event (sequence_number);

CREATE TABLE audit_chain_head (
    id             INTEGER      PRIMARY KEY,
    last_sequence  BIGINT       NOT NULL,
    last_hash      VARCHAR(64)  NOT NULL
);
INSERT INTO audit_chain_head (id, last_sequence, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

CREATE TABLE audit_checkpoint (
    sequence_number  BIGINT        PRIMARY KEY,
    hash             VARCHAR(64)   NOT NULL,
    signed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    signature        BYTEA         NOT NULL,
    signer           BYTEA         NOT NULL
);
