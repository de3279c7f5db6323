package org.medsign.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A retired CA generation the offline root revoked, from the root CRL IT imported: since when (the CRL's entry) and
 * since when medsign knows it. Long-term evidence archived before {@code knownSince} is renewed with that CRL.
 */
@Entity
@Table(name = "ca_revocation")
public class CaRevocation {

    @Id
    @Column(name = "ca_generation")
    private int caGeneration;

    @Column(name = "ca_serial", nullable = false, length = 64)
    private String caSerial;

    @Column(name = "revoked_at", nullable = false)
    private Instant revokedAt;

    @Column(name = "known_since", nullable = false)
    private Instant knownSince;

    protected CaRevocation() {
    }

    CaRevocation(int caGeneration, String caSerial, Instant revokedAt, Instant knownSince) {
        this.caGeneration = caGeneration;
        this.caSerial = caSerial;
        this.revokedAt = revokedAt;
        this.knownSince = knownSince;
    }

    public int caGeneration() {
        return caGeneration;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public Instant knownSince() {
        return knownSince;
    }
}
