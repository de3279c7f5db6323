package org.medsign.audit;

/** The kinds of security event the audit log records. */
public enum AuditAction {
    PORTAL_LOGIN,
    PORTAL_LOGOUT,
    ACCESS_DENIED,
    BINDING_TICKET_ISSUED,
    DEVICE_BOUND,
    DEVICE_RENAMED,
    DEVICE_REMOVED
}
