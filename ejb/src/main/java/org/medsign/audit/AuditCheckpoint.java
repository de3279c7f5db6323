package org.medsign.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A signed chain head: who rewrites the chain after this point cannot produce this signature again. */
@Entity
@Table(name = "audit_checkpoint")
public class AuditCheckpoint {

    @Id
    @Column(name = "sequence_number")
    private Long sequenceNumber;

    @Column(nullable = false, length = 64)
    private String hash;

    @Column(name = "signed_at", nullable = false)
    private Instant signedAt;

    @Column(nullable = false)
    private byte[] signature;

    @Column(nullable = false)
    private byte[] signer;

    protected AuditCheckpoint() {
    }

    AuditCheckpoint(long sequenceNumber, String hash, Instant signedAt, byte[] signature, byte[] signer) {
        this.sequenceNumber = sequenceNumber;
        this.hash = hash;
        this.signedAt = signedAt;
        this.signature = signature.clone();
        this.signer = signer.clone();
    }

    public long sequenceNumber() {
        return sequenceNumber;
    }

    public String hash() {
        return hash;
    }

    public Instant signedAt() {
        return signedAt;
    }

    public byte[] signature() {
        return signature.clone();
    }

    /** The signer's certificate (DER). */
    public byte[] signer() {
        return signer.clone();
    }

    /** The bytes that are signed: the sequence number and the chain hash at it. */
    public static byte[] signedText(long sequenceNumber, String hash) {
        return ("medsign-audit-checkpoint-v1\n" + sequenceNumber + "\n" + hash).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
