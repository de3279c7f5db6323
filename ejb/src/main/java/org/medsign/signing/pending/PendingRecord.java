package org.medsign.signing.pending;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.medsign.signing.deadline.DeadlineRule;

import java.time.Instant;

/**
 * One HIS record version awaiting its author's signature (待簽病歷). Read through JPA; written in bulk by
 * {@link PendingIndexWriter} with JDBC, because the scan moves hundreds of thousands of rows.
 */
@Entity
@Table(name = "pending_record")
public class PendingRecord {

    @Id
    @Column(name = "his_record_id")
    private Long hisRecordId;

    @Column(nullable = false)
    private int version;

    @Column(nullable = false, length = 16)
    private String author;

    @Column(name = "site_code", nullable = false, length = 8)
    private String siteCode;

    @Column(length = 16)
    private String department;

    @Column(name = "record_type", nullable = false, length = 24)
    private String recordType;

    @Column(name = "type_name", nullable = false, length = 64)
    private String typeName;

    @Column(name = "chart_number", nullable = false, length = 16)
    private String chartNumber;

    @Column(name = "patient_masked", nullable = false, length = 40)
    private String patientMasked;

    @Column(name = "his_created_at", nullable = false)
    private Instant hisCreatedAt;

    @Column(name = "his_modified_at", nullable = false)
    private Instant hisModifiedAt;

    @Column(nullable = false, length = 64)
    private String digest;

    @Column(name = "signed_version")
    private Integer signedVersion;

    @Column(name = "overdue_version")
    private Integer overdueVersion;

    @Column(name = "indexed_at", nullable = false)
    private Instant indexedAt;

    protected PendingRecord() {
    }

    /** The list line, with the 24-hour deadline counted by {@link DeadlineRule} (from the first creation). */
    public PendingView view(DeadlineRule deadline, Instant now) {
        return new PendingView(hisRecordId, version, recordType, typeName, patientMasked, chartNumber, siteCode,
                department, author, hisCreatedAt, hisModifiedAt, digest, deadline.dueAt(hisCreatedAt),
                deadline.state(hisCreatedAt, now));
    }

    public Long hisRecordId() {
        return hisRecordId;
    }

    public int version() {
        return version;
    }

    public String author() {
        return author;
    }

    public String siteCode() {
        return siteCode;
    }

    public String department() {
        return department;
    }

    public Instant hisCreatedAt() {
        return hisCreatedAt;
    }

    public String digest() {
        return digest;
    }

    public Integer signedVersion() {
        return signedVersion;
    }

    public Integer overdueVersion() {
        return overdueVersion;
    }
}
