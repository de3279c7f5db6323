-- The keys every node of a cluster must share, by fingerprint: the CA (its issuing certificate's SHA-256) and the
-- data key (a keyed digest of a constant). Empty until the first node records its keys; rows exist so that a node
-- can lock one while it makes the key.
CREATE TABLE key_identity (
    purpose      VARCHAR(20)  PRIMARY KEY,
    fingerprint  VARCHAR(64),
    recorded_at  TIMESTAMP WITH TIME ZONE,
    recorded_by  VARCHAR(100)
);
INSERT INTO key_identity (purpose) VALUES ('CA');
INSERT INTO key_identity (purpose) VALUES ('DATA_KEY');
