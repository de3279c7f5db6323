package org.medsign.audit;

import java.io.Serializable;
import java.time.Instant;

/**
 * One audit event as the portal lists it (稽核紀錄, 個人資料's history): what the pages show and nothing else, so
 * the web tier never holds the entity (its detail and hashes stay in the audit package).
 */
public record AuditEntryView(long sequenceNumber, Instant occurredAt, AuditAction action, AuditOutcome outcome,
                             String actor, String subject, String errorCode, String clientAddress)
        implements Serializable {

    static AuditEntryView of(AuditEvent event) {
        return new AuditEntryView(event.sequenceNumber(), event.occurredAt(), event.action(), event.outcome(),
                event.actor(), event.subject(), event.errorCode(), event.clientAddress());
    }
}
