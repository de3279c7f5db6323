package org.medsign.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Version;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;

/** A mobile signing certificate issued to a person's device, and where it is in its life (正常 → 已下載 → …). */
@Entity
public class Certificate {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "certificate_seq")
    @SequenceGenerator(name = "certificate_seq", sequenceName = "certificate_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, unique = true, length = 40)
    private String serial;

    @Column(nullable = false, length = 16)
    private String owner;

    @Column(name = "device_id", nullable = false, length = 36)
    private String deviceId;

    @Column(name = "application_id", nullable = false)
    private Long applicationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private CertificateStatus status;

    @Column(nullable = false, length = 300)
    private String subject;

    @Column(name = "key_description", nullable = false, length = 20)
    private String keyDescription;

    @Column(name = "key_fingerprint", nullable = false, unique = true, length = 64)
    private String keyFingerprint;

    @Column(nullable = false)
    private byte[] encoded;

    @Column(name = "not_before", nullable = false)
    private Instant notBefore;

    @Column(name = "not_after", nullable = false)
    private Instant notAfter;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "downloaded_at")
    private Instant downloadedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    /** Since when the key is known to be compromised, when IT said so on revoking it: the revocation time validators see. */
    @Column(name = "compromised_since")
    private Instant compromisedSince;

    @Enumerated(EnumType.STRING)
    @Column(name = "revocation_reason", length = 24)
    private RevocationReason revocationReason;

    /** The last expiry reminder sent: 60, 30 or 7 (days before notAfter); null before the first. */
    @Column(name = "expiry_reminded")
    private Integer expiryReminded;

    /** The issuing CA generation that signed it (V26): its CRL lists it, its OCSP responder answers for it. */
    @Column(name = "ca_generation", nullable = false)
    private int caGeneration = 1;

    @Version
    private long version;

    protected Certificate() {
    }

    Certificate(X509Certificate x509, String owner, String deviceId, Long applicationId, String keyDescription,
                String keyFingerprint, Instant now, int caGeneration) {
        this.caGeneration = caGeneration;
        try {
            this.encoded = x509.getEncoded();
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
        this.serial = x509.getSerialNumber().toString(16);
        this.owner = owner;
        this.deviceId = deviceId;
        this.applicationId = applicationId;
        this.status = CertificateStatus.ISSUED;
        this.subject = x509.getSubjectX500Principal().getName();
        this.keyDescription = keyDescription;
        this.keyFingerprint = keyFingerprint;
        this.notBefore = x509.getNotBefore().toInstant();
        this.notAfter = x509.getNotAfter().toInstant();
        this.issuedAt = now;
    }

    public int caGeneration() {
        return caGeneration;
    }

    /** The status as of now: a certificate past notAfter is 已過期 even before the upkeep job writes it down. */
    public CertificateStatus statusAt(Instant now) {
        return (status == CertificateStatus.ISSUED || status == CertificateStatus.DOWNLOADED) && !now.isBefore(notAfter)
                ? CertificateStatus.EXPIRED : status;
    }

    /** Writes down 已過期 once notAfter has passed (credential-upkeep); false when nothing changed. */
    boolean expire(Instant now) {
        if (statusAt(now) != CertificateStatus.EXPIRED || status == CertificateStatus.EXPIRED) {
            return false;
        }
        status = CertificateStatus.EXPIRED;
        return true;
    }

    /** The reminder stage due now (60, 30 or 7 days before notAfter), if its reminder was not sent yet. */
    java.util.OptionalInt reminderDue(Instant now) {
        return ExpiryStage.due(notAfter, expiryReminded, now);
    }

    void reminded(int stage) {
        expiryReminded = stage;
    }

    public Instant notAfter() {
        return notAfter;
    }

    void downloaded(Instant now) {
        status = CertificateStatus.DOWNLOADED;
        downloadedAt = now;
    }

    boolean revoke(RevocationReason reason, Instant now) {
        return revoke(reason, now, null);
    }

    /** Revokes it, dated back to {@code compromisedSince} for validators when that is given (key compromise only). */
    boolean revoke(RevocationReason reason, Instant now, Instant compromisedSince) {
        if (status == CertificateStatus.REVOKED) {
            return false;
        }
        status = CertificateStatus.REVOKED;
        revocationReason = reason;
        revokedAt = now;
        this.compromisedSince = compromisedSince;
        return true;
    }

    /** Whether {@code time} can be this key's compromise time: within its certificate's life and not in the future. */
    boolean couldBeCompromisedAt(Instant time, Instant now) {
        return !time.isBefore(notBefore) && !time.isAfter(now) && time.isBefore(notAfter);
    }

    public X509Certificate x509() {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(encoded));
        } catch (CertificateException e) {
            throw new IllegalStateException(e);
        }
    }

    public CertificateView view() {
        return new CertificateView(serial, owner, deviceId, statusAt(Instant.now()), subject, keyDescription, notBefore,
                notAfter, issuedAt, downloadedAt, revokedAt, revocationReason);
    }

    public Long id() {
        return id;
    }

    public String serial() {
        return serial;
    }

    public String owner() {
        return owner;
    }

    public String deviceId() {
        return deviceId;
    }

    public CertificateStatus status() {
        return status;
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    /**
     * The revocation time CRLs, OCSP and verification reports state: since the key's compromise when IT gave that time
     * (signatures made after it are invalid), else when it was revoked.
     */
    public Instant revocationTime() {
        return compromisedSince != null ? compromisedSince : revokedAt;
    }

    /** The key's compromise time IT gave, if any (the CRL's invalidity date). */
    public java.util.Optional<Instant> compromisedSince() {
        return java.util.Optional.ofNullable(compromisedSince);
    }

    public RevocationReason revocationReason() {
        return revocationReason;
    }
}
