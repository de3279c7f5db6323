-- 個人簽章提醒設定: whether, when and where a person gets the daily digest of records awaiting their signature.
CREATE TABLE reminder_settings (
    employee_number   VARCHAR(16)  PRIMARY KEY REFERENCES staff_member (employee_number),
    enabled           BOOLEAN      NOT NULL,
    send_at           VARCHAR(5)   NOT NULL,
    min_pending       INTEGER      NOT NULL,
    email             VARCHAR(128) NOT NULL,
    last_sent_on      DATE,
    version           BIGINT       NOT NULL
);
