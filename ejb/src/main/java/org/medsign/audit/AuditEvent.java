package org.medsign.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One security event. Never updated or deleted; holds identifiers, never national IDs or patient names. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
    @SequenceGenerator(name = "audit_event_seq", sequenceName = "audit_event_seq", allocationSize = 50)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 40)
    private AuditAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private AuditOutcome outcome;

    @Column(nullable = false, length = 32)
    private String actor;

    @Column(length = 64)
    private String subject;

    @Column(name = "error_code", length = 8)
    private String errorCode;

    @Column(name = "client_address", length = 64)
    private String clientAddress;

    @Column(length = 500)
    private String detail;

    @Column(name = "sequence_number", unique = true)
    private Long sequenceNumber;

    @Column(name = "previous_hash", length = 64)
    private String previousHash;

    @Column(length = 64)
    private String hash;

    protected AuditEvent() {
    }

    AuditEvent(AuditRecord record, Instant occurredAt, long sequenceNumber, String previousHash) {
        this.occurredAt = occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        this.action = record.action();
        this.outcome = record.outcome();
        this.actor = truncate(record.actor(), 32);
        this.subject = truncate(record.subject(), 64);
        this.errorCode = record.errorCode() == null ? null : record.errorCode().code();
        this.clientAddress = truncate(record.clientAddress(), 64);
        this.detail = truncate(record.detail(), 500);
        this.sequenceNumber = sequenceNumber;
        this.previousHash = previousHash;
        this.hash = AuditChain.hash(this);
    }

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }

    public Long id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public AuditAction action() {
        return action;
    }

    public AuditOutcome outcome() {
        return outcome;
    }

    public String actor() {
        return actor;
    }

    public String subject() {
        return subject;
    }

    public String errorCode() {
        return errorCode;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String detail() {
        return detail;
    }

    public Long sequenceNumber() {
        return sequenceNumber;
    }

    public String previousHash() {
        return previousHash;
    }

    public String hash() {
        return hash;
    }
}
