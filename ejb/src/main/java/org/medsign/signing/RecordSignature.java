package org.medsign.signing;

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
public class RecordSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "record_signature_seq")
    @SequenceGenerator(name = "record_signature_seq", sequenceName = "record_signature_seq", allocationSize = 50)
    private Long id;

    @Column(name = "his_record_id", nullable = false)
    private long hisRecordId;

    @Column(name = "record_version", nullable = false)
    private int recordVersion;

    @Column(nullable = false, length = 16)
    private String signer;

    @Column(name = "certificate_serial", nullable = false, length = 40)
    private String certificateSerial;

    @Column(name = "batch_id", nullable = false, length = 36)
    private String batchId;

    @Column(nullable = false, length = 64)
    private String digest;

    @Column(name = "signing_time", nullable = false)
    private Instant signingTime;

    @Column(name = "timestamp_time", nullable = false)
    private Instant timestampTime;

    @Column(name = "delay_reason", length = 200)
    private String delayReason;

    @Column(nullable = false)
    private byte[] cms;

    @Column(name = "his_marked", nullable = false)
    private boolean hisMarked;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected RecordSignature() {
    }

    RecordSignature(VerifiedSignature verified, String batchId, Instant now) {
        this.hisRecordId = verified.recordId();
        this.recordVersion = verified.version();
        this.signer = verified.signer();
        this.certificateSerial = verified.certificateSerial();
        this.batchId = batchId;
        this.digest = verified.digestHex();
        this.signingTime = verified.signingTime();
        this.timestampTime = verified.timestampTime();
        this.delayReason = verified.delayReason();
        this.cms = verified.timestampedCms();
        this.createdAt = now;
    }

    void markedInHis() {
        hisMarked = true;
    }

    public Long id() {
        return id;
    }

    public long hisRecordId() {
        return hisRecordId;
    }

    public int recordVersion() {
        return recordVersion;
    }

    public String signer() {
        return signer;
    }

    public String certificateSerial() {
        return certificateSerial;
    }

    public String digest() {
        return digest;
    }

    public Instant signingTime() {
        return signingTime;
    }

    public Instant timestampTime() {
        return timestampTime;
    }

    public String delayReason() {
        return delayReason;
    }

    public byte[] cms() {
        return cms.clone();
    }

    public boolean hisMarked() {
        return hisMarked;
    }

    public String reference() {
        return reference(id);
    }

    /** How the HIS refers to a signature medsign holds. */
    static String reference(long id) {
        return "medsign:signature:" + id;
    }
}
