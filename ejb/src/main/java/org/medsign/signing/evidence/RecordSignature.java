package org.medsign.signing.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * A signature of one version of an HIS record, kept with its evidence: the CMS SignedData (CAdES-B signed
 * attributes, with an RFC 3161 timestamp added: CAdES-T), the digest it covers and the delay reason of a late one.
 */
@Entity
@Table(name = "record_signature")
public class RecordSignature extends SignatureEvidence {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_signature_seq")
    @SequenceGenerator(name = "record_signature_seq", sequenceName = "record_signature_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, length = 16)
    private String signer;

    @Column(name = "batch_id", nullable = false, length = 36)
    private String batchId;

    @Column(name = "signing_time", nullable = false)
    private Instant signingTime;

    @Column(name = "delay_reason", length = 200)
    private String delayReason;

    @Column(name = "his_marked", nullable = false)
    private boolean hisMarked;

    /** What the HIS answered when the signed mark was written back (null while it waits, see V20). */
    @Column(name = "his_outcome", length = 16)
    private String hisOutcome;

    @Column(name = "his_written_at")
    private Instant hisWrittenAt;

    protected RecordSignature() {
    }

    public RecordSignature(VerifiedSignature verified, String batchId, Instant now) {
        super(verified.recordId(), verified.version(), verified.certificateSerial(), verified.digestHex(),
                verified.timestampTime(), verified.timestampedCms(), now);
        this.signer = verified.signer();
        this.batchId = batchId;
        this.signingTime = verified.signingTime();
        this.delayReason = verified.delayReason();
    }

    public Long id() {
        return id;
    }

    public String signer() {
        return signer;
    }

    public Instant signingTime() {
        return signingTime;
    }

    public String delayReason() {
        return delayReason;
    }

    public boolean hisMarked() {
        return hisMarked;
    }

    /** MARKED, ALREADY_SIGNED, STALE_VERSION or NOT_FOUND once written back; null while the mark waits. */
    public String hisOutcome() {
        return hisOutcome;
    }

    public Instant hisWrittenAt() {
        return hisWrittenAt;
    }

    /** Keeps the HIS's answer to the write-back of this signature's mark; the first answer stays. */
    public void writtenBack(String outcome, boolean marked, Instant at) {
        if (hisOutcome == null) {
            this.hisOutcome = outcome;
            this.hisMarked = marked;
            this.hisWrittenAt = at;
        }
    }

    public String reference() {
        return reference(id);
    }

    /** How the HIS refers to a signature medsign holds. */
    public static String reference(long id) {
        return "medsign:signature:" + id;
    }
}
