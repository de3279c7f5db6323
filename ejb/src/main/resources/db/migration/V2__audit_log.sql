-- Security events, one row each, written in their own transaction.
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;
CREATE TABLE audit_event (
    id              BIGINT       PRIMARY KEY,
    occurred_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    action          VARCHAR(40)  NOT NULL,
    outcome         VARCHAR(10)  NOT NULL,
    actor           VARCHAR(32)  NOT NULL,
    subject         VARCHAR(64),
    error_code      VARCHAR(8),
    client_address  VARCHAR(64),
    detail          VARCHAR(500)
);
CREATE INDEX audit_event_actor ON audit_event (actor, occurred_at);
CREATE INDEX audit_event_time ON audit_event (occurred_at);
