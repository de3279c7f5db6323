package org.medsign.audit;

import java.time.Instant;

/** Filters for the audit log page; null means any. */
public record AuditQuery(String actor, AuditAction action, AuditOutcome outcome, Instant from, Instant to) {
}
