package org.medsign.audit;

/** How a security event ended. */
public enum AuditOutcome {
    SUCCESS, FAILURE, DENIED
}
