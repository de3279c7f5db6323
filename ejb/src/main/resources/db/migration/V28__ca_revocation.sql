-- A retired issuing CA generation the offline root revoked (its key compromised, say), as the root's imported CRL
-- says: since when it is revoked, and when medsign learnt it. Every signature archived before medsign learnt it gets
-- a new archive timestamp that carries that CRL, so validators see the revocation after the signature's proof of
-- existence.
CREATE TABLE ca_revocation (
    ca_generation INTEGER PRIMARY KEY,
    ca_serial     VARCHAR(64) NOT NULL,
    revoked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    known_since   TIMESTAMP WITH TIME ZONE NOT NULL
);
