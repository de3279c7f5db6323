package org.medsign.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One published CRL of one issuing CA generation, kept so its number only grows and the latest can be served as it was signed. */
@Entity
@Table(name = "crl_publication")
public class CrlPublication {

    /** From a database sequence, so numbers only grow, whichever node publishes. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "crl_number_seq")
    @SequenceGenerator(name = "crl_number_seq", sequenceName = "crl_number_seq", allocationSize = 1)
    @Column(name = "crl_number")
    private Long crlNumber;

    @Column(name = "this_update", nullable = false)
    private Instant thisUpdate;

    @Column(name = "next_update", nullable = false)
    private Instant nextUpdate;

    @Column(name = "revoked_count", nullable = false)
    private int revokedCount;

    @Column(nullable = false)
    private byte[] encoded;

    /** The issuing CA generation whose CRL it is (V26). */
    @Column(name = "ca_generation", nullable = false)
    private int caGeneration = 1;

    protected CrlPublication() {
    }

    CrlPublication(int caGeneration, Instant thisUpdate, Instant nextUpdate, int revokedCount) {
        this.caGeneration = caGeneration;
        this.thisUpdate = thisUpdate;
        this.nextUpdate = nextUpdate;
        this.revokedCount = revokedCount;
        this.encoded = new byte[0];
    }

    void signed(byte[] crl) {
        this.encoded = crl.clone();
    }

    public int caGeneration() {
        return caGeneration;
    }

    public long crlNumber() {
        return crlNumber;
    }

    public Instant thisUpdate() {
        return thisUpdate;
    }

    public Instant nextUpdate() {
        return nextUpdate;
    }

    public byte[] encoded() {
        return encoded.clone();
    }
}
