package org.medsign.institution;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** The institution's CAdES-T signature of one overdue record version, kept beside (not instead of) the author's. */
@Entity
@Table(name = "institution_signature")
public class InstitutionSignature {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "institution_signature_seq")
    @SequenceGenerator(name = "institution_signature_seq", sequenceName = "institution_signature_seq", allocationSize = 50)
    private Long id;

    @Column(name = "his_record_id", nullable = false)
    private long hisRecordId;

    @Column(name = "record_version", nullable = false)
    private int recordVersion;

    @Column(nullable = false, length = 16)
    private String author;

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

    protected InstitutionSignature() {
    }

    InstitutionSignature(long hisRecordId, int recordVersion, String author, String certificateSerial, String digest,
                         InstitutionCms.Signed signed, Instant now) {
        this.hisRecordId = hisRecordId;
        this.recordVersion = recordVersion;
        this.author = author;
        this.certificateSerial = certificateSerial;
        this.digest = digest;
        this.timestampTime = signed.timestampTime();
        this.cms = signed.cms();
        this.createdAt = now;
    }

    public long hisRecordId() {
        return hisRecordId;
    }

    public int recordVersion() {
        return recordVersion;
    }

    public String author() {
        return author;
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
}
