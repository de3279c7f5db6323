-- Counted events per client address (failed card checks, issued card challenges, MS-2015), shared by every node of a
-- cluster. Kept for a day at most.
CREATE SEQUENCE throttle_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE throttle_event (
    id           BIGINT       PRIMARY KEY,
    kind         VARCHAR(20)  NOT NULL,
    subject      VARCHAR(64)  NOT NULL,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX throttle_event_window ON throttle_event (kind, subject, occurred_at);
