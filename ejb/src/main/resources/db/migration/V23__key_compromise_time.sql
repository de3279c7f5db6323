-- When IT knows since when a key was compromised (a stolen phone reported days later), validators are told that
-- time as the revocation date, and the CRL names it as the invalidity date (RFC 5280 §5.3.2): signatures made after
-- it fail. revoked_at stays when the revocation was recorded, which decides when a new CRL is due.
ALTER TABLE certificate ADD COLUMN compromised_since TIMESTAMP WITH TIME ZONE;
