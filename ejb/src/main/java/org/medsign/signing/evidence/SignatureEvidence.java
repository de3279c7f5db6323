package org.medsign.signing.evidence;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;

/**
 * What every kept signature of an HIS record version holds, whoever signed: the version, the signer's certificate,
 * the digest of the canonical bytes, and the CMS SignedData with its RFC 3161 timestamp (CAdES-T), later with the
 * validation data that make it verifiable without medsign (CAdES-BASELINE-LT).
 */
@MappedSuperclass
public abstract class SignatureEvidence {

    @Column(name = "his_record_id", nullable = false)
    private long hisRecordId;

    @Column(name = "record_version", nullable = false)
    private int recordVersion;

    @Column(name = "certificate_serial", nullable = false, length = 40)
    private String certificateSerial;

    @Column(nullable = false, length = 64)
    private String digest;

    @Column(name = "timestamp_time", nullable = false)
    private Instant timestampTime;

    @Column(nullable = false)
    private byte[] cms;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "evidence_level", nullable = false, length = 8)
    private EvidenceLevel level = EvidenceLevel.T;

    /** When the evidence last grew (LT); null while it is as the batch stored it. */
    @Column(name = "augmented_at")
    private Instant augmentedAt;

    /** When the newest archive timestamp's TSA certificate expires (LTA); renewed before then. */
    @Column(name = "archive_until")
    private Instant archiveUntil;

    protected SignatureEvidence() {
    }

    protected SignatureEvidence(long hisRecordId, int recordVersion, String certificateSerial, String digest,
                                Instant timestampTime, byte[] cms, Instant createdAt) {
        this.hisRecordId = hisRecordId;
        this.recordVersion = recordVersion;
        this.certificateSerial = certificateSerial;
        this.digest = digest;
        this.timestampTime = timestampTime;
        this.cms = cms;
        this.createdAt = createdAt;
    }

    public long hisRecordId() {
        return hisRecordId;
    }

    public int recordVersion() {
        return recordVersion;
    }

    public String certificateSerial() {
        return certificateSerial;
    }

    public String digest() {
        return digest;
    }

    public Instant timestampTime() {
        return timestampTime;
    }

    public byte[] cms() {
        return cms.clone();
    }

    /** When medsign stored it. */
    public Instant createdAt() {
        return createdAt;
    }

    public EvidenceLevel level() {
        return level;
    }

    public Instant augmentedAt() {
        return augmentedAt;
    }

    public Instant archiveUntil() {
        return archiveUntil;
    }

    /** The same signature with more evidence: the SignedData whose signer info is unchanged, at {@code level}. */
    public void augmented(byte[] cms, EvidenceLevel level, Instant at) {
        this.cms = cms.clone();
        this.level = level;
        this.augmentedAt = at;
    }

    /** The same signature under a new archive timestamp (LTA), which can be checked until {@code until}. */
    public void archived(byte[] cms, Instant until, Instant at) {
        augmented(cms, EvidenceLevel.LTA, at);
        this.archiveUntil = until;
    }
}
