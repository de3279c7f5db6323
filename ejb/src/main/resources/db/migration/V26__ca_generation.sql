-- Issuing CA rollover: each certificate records the generation of the CA key that signed it (1 for all issued
-- before the first rollover), and each CRL the generation it is for. A retired key keeps signing its generation's
-- CRL, which lists only the certificates it issued.
ALTER TABLE certificate ADD COLUMN ca_generation INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE crl_publication ADD COLUMN ca_generation INTEGER DEFAULT 1 NOT NULL;
CREATE INDEX certificate_ca_generation_revoked ON certificate (ca_generation, status);
