-- How long signatures, their evidence and the audit log are kept: the configured medsign.retention.years, written
-- here at every start so that the database's own guard (PostgreSQL) reads it. Never less than seven years
-- (醫療法 §70 for adults' records; a hospital may keep longer, for minors' records say).
CREATE TABLE retention_policy (
    years INTEGER NOT NULL,
    CONSTRAINT retention_at_least_seven_years CHECK (years >= 7)
);
INSERT INTO retention_policy (years) VALUES (7);
