package org.medsign.credential;

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
import java.util.UUID;

/**
 * 申請憑證 (M10–M13): who applied for which of their devices, under which version of the subscriber
 * statement, with the card's evidence of presence kept as proof.
 */
@Entity
@Table(name = "certificate_application")
public class CertificateApplication {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_application_seq")
    @SequenceGenerator(name = "certificate_application_seq", sequenceName = "certificate_application_seq", allocationSize = 50)
    private Long id;

    @Column(name = "public_id", nullable = false, unique = true, length = 36)
    private String publicId;

    @Column(nullable = false, length = 16)
    private String applicant;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Column(name = "statement_version", nullable = false, length = 20)
    private String statementVersion;

    @Column(name = "statement_accepted_at", nullable = false)
    private Instant statementAcceptedAt;

    @Column(name = "card_certificate")
    private byte[] cardCertificate;

    @Column(name = "card_evidence")
    private byte[] cardEvidence;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private ApplicationStatus status;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected CertificateApplication() {
    }

    CertificateApplication(String applicant, String deviceId, String statementVersion, byte[] cardCertificate,
                           byte[] cardEvidence, Instant now) {
        this.publicId = UUID.randomUUID().toString();
        this.applicant = applicant;
        this.deviceId = deviceId;
        this.statementVersion = statementVersion;
        this.statementAcceptedAt = now;
        this.cardCertificate = cardCertificate;
        this.cardEvidence = cardEvidence;
        this.status = ApplicationStatus.OPEN;
        this.createdAt = now;
    }

    void enrolled() {
        status = ApplicationStatus.ENROLLED;
    }

    void replaced() {
        if (status == ApplicationStatus.OPEN) {
            status = ApplicationStatus.REPLACED;
        }
    }

    public Long id() {
        return id;
    }

    public String publicId() {
        return publicId;
    }

    public String applicant() {
        return applicant;
    }

    public String deviceId() {
        return deviceId;
    }

    public ApplicationStatus status() {
        return status;
    }
}
