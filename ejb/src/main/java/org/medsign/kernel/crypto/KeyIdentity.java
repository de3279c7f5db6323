package org.medsign.kernel.crypto;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * The fingerprint of one key every node must share (the CA, the data key), as the first node recorded it. The rows
 * exist from the migration on, empty, so that a node can lock one before it makes the key.
 */
@Entity
@Table(name = "key_identity")
public class KeyIdentity {

    @Id
    private String purpose;

    private String fingerprint;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    @Column(name = "recorded_by")
    private String recordedBy;

    protected KeyIdentity() {
    }

    String fingerprint() {
        return fingerprint;
    }

    void record(String fingerprint, String node) {
        this.fingerprint = fingerprint;
        this.recordedAt = Instant.now();
        this.recordedBy = node;
    }

    String recordedBy() {
        return recordedBy;
    }
}
