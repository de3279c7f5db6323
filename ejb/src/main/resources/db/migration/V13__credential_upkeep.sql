-- credential-upkeep: the expiry reminder (60, 30 or 7 days before notAfter) a certificate's owner last got, and the
-- indexes the job walks by: live certificates by notAfter, tickets by expiry (dead ones are purged).
ALTER TABLE certificate ADD COLUMN expiry_reminded INTEGER;
CREATE INDEX certificate_expiry ON certificate (status, not_after);
CREATE INDEX binding_ticket_expiry ON binding_ticket (expires_at);
CREATE INDEX enrolment_ticket_expiry ON enrolment_ticket (expires_at);
INSERT INTO job_run_lock (job_name) VALUES ('credential-upkeep');
