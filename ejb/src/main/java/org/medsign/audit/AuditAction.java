package org.medsign.audit;

/** The kinds of security event the audit log records. */
public enum AuditAction {
    PORTAL_LOGIN,
    PORTAL_LOGOUT,
    ACCESS_DENIED
}
