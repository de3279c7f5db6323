package org.medsign.audit;

/** The kinds of security event the audit log records. */
public enum AuditAction {
    PORTAL_LOGIN,
    PORTAL_LOGOUT,
    ACCESS_DENIED,
    BINDING_TICKET_ISSUED,
    DEVICE_BOUND,
    DEVICE_RENAMED,
    DEVICE_REMOVED,
    PENDING_REFRESHED,
    JOB_STARTED,
    JOB_STOPPED,
    JOB_RESTARTED,
    REMINDER_SETTINGS_CHANGED,
    REMINDER_SENT
}
