package org.medsign.error;

/**
 * Every user-visible error. Codes are stable forever: a retired code is never reused.
 * Ranges: 1xxx accounts and sessions, 2xxx card, 3xxx devices and one-time tickets, 4xxx certificates, 5xxx signing,
 * 6xxx batch jobs, 7xxx IT operations, 9xxx requests and the system.
 */
public enum ErrorCode {

    BAD_CREDENTIALS("MS-1001", 401),
    ACCOUNT_LOCKED("MS-1002", 403),
    INVALID_INPUT("MS-1003", 400),
    SESSION_EXPIRED("MS-1004", 401),
    FORM_TOKEN_INVALID("MS-1005", 403),
    ACCESS_DENIED("MS-1006", 403),
    LOGIN_REQUIRED("MS-1007", 401),
    ACCOUNT_DISABLED("MS-1008", 403),
    PASSWORD_LOGIN_DISABLED("MS-1009", 403),

    CARD_AGENT_MISSING("MS-2001", 503),
    CARD_AGENT_TOO_OLD("MS-2002", 426),
    CARD_READER_MISSING("MS-2003", 409),
    CARD_ABSENT("MS-2004", 409),
    CARD_PIN_WRONG("MS-2005", 401),
    CARD_LOCKED("MS-2006", 423),
    CARD_EXPIRED("MS-2007", 403),
    CARD_REVOKED("MS-2008", 403),
    CARD_UNTRUSTED("MS-2009", 403),
    CARD_HOLDER_UNKNOWN("MS-2010", 403),
    CARD_CHALLENGE_INVALID("MS-2011", 409),
    CARD_SIGNATURE_INVALID("MS-2012", 401),
    CARD_CHALLENGE_ORIGIN("MS-2013", 403),
    CARD_REVOCATION_UNKNOWN("MS-2014", 503),
    CARD_LOGIN_THROTTLED("MS-2015", 429),
    CARD_NOT_REINSERTED("MS-2016", 409),
    CARD_CHANGED("MS-2017", 409),
    CARD_PRESENCE_EXPIRED("MS-2018", 410),
    CARD_NOT_YOURS("MS-2019", 403),
    CARD_AGENT_FAILED("MS-2020", 502),

    DEVICE_NAME_INVALID("MS-3001", 400),
    DEVICE_NAME_TAKEN("MS-3002", 409),
    TICKET_CODE_WRONG("MS-3003", 400),
    TICKET_LOCKED("MS-3004", 403),
    TICKET_EXPIRED("MS-3005", 410),
    TICKET_USED("MS-3006", 409),
    TICKET_REPLACED("MS-3007", 410),
    TICKET_UNKNOWN("MS-3008", 404),
    TICKET_URI_INVALID("MS-3009", 400),
    DEVICE_PROOF_INVALID("MS-3010", 401),
    DEVICE_KEY_REFUSED("MS-3011", 400),
    DEVICE_KEY_ALREADY_BOUND("MS-3012", 409),
    APP_TOO_OLD("MS-3013", 426),
    DEVICE_NOT_FOUND("MS-3014", 404),

    HIS_UNAVAILABLE("MS-6001", 503),
    JOB_ALREADY_RUNNING("MS-6002", 409),
    JOB_UNKNOWN("MS-6003", 404),
    JOB_NOT_RESTARTABLE("MS-6004", 409),
    JOB_NOT_RUNNING("MS-6005", 409),
    JOB_FAILED("MS-6006", 500),
    HIS_RECORD_MALFORMED("MS-6007", 422),
    REMINDER_SETTINGS_INVALID("MS-6008", 400),
    MAIL_FAILED("MS-6009", 502),

    INTERNAL_ERROR("MS-9000", 500),
    NOT_FOUND("MS-9001", 404),
    MALFORMED_REQUEST("MS-9002", 400),
    SERVICE_UNAVAILABLE("MS-9003", 503),
    METHOD_NOT_ALLOWED("MS-9004", 405),
    UNSUPPORTED_MEDIA_TYPE("MS-9005", 415),
    REQUEST_TOO_LARGE("MS-9006", 413);

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static ErrorCode ofCode(String code) {
        for (ErrorCode c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("Unknown error code " + code);
    }
}
