package org.medsign.ops.jmx;

/**
 * {@code org.medsign:type=Certificates}: the Mobile Signing CA's key, certificates by status, bound devices and
 * open binding tickets, the CRL, and the latency of certificate issuance in milliseconds (as in
 * {@link SigningMXBean}). Notifications: {@value #CRL_NEXT_UPDATE_NEAR}, {@value #CA_KEY_UNHEALTHY}.
 */
public interface CertificatesMXBean {

    /** The CRL's nextUpdate is nearer than {@code medsign.monitoring.crl-warning-hours} and no newer CRL is out. */
    String CRL_NEXT_UPDATE_NEAR = "medsign.crl.next-update-near";

    /** The CA key cannot sign (no certificate can be issued, no CRL published). */
    String CA_KEY_UNHEALTHY = "medsign.ca-key.unhealthy";

    boolean isCaKeyHealthy();

    long getCertificatesIssued();

    long getCertificatesDownloaded();

    long getCertificatesRevoked();

    long getCertificatesExpired();

    long getDevicesBound();

    long getOpenBindingTickets();

    long getCrlNumber();

    long getCrlAgeSeconds();

    /** ISO-8601. */
    String getCrlNextUpdate();

    long getCertificateIssuanceCount();

    double getCertificateIssuanceLatencyP50Milliseconds();

    double getCertificateIssuanceLatencyP95Milliseconds();

    double getCertificateIssuanceLatencyP99Milliseconds();

    double getCertificateIssuanceLatencyMaxMilliseconds();

    /** Publishes a CRL now; answers its number (audited). */
    long publishCrl();

    /** The serial (hex) of the certificate new timestamps carry. */
    String getTsaCertificateSerial();

    /**
     * TSA key rollover: a new key and certificate for new timestamps (audited); answers the new certificate's serial.
     * Earlier timestamps keep verifying with the certificate they carry.
     */
    String rollTimestampKey();

    /** The current issuing CA generation (1 until the first rollover). */
    int getCaGeneration();

    /** Whether a new issuing CA key waits for its certificate from the root. */
    boolean isCaRolloverPending();

    /**
     * CA rollover, step 1: a new issuing CA key (unless one waits) and its PKCS#10 request, PEM, for the offline root
     * to sign (audited). Nothing changes for issuance yet.
     */
    String requestCaRollover();

    /**
     * CA rollover, step 3: the root's certificate for the pending key (PEM; the root's new CRL may follow). Checked
     * before the switch; a refusal is an IllegalArgumentException whose message starts with its code (MS-4016 to
     * MS-4022). Answers the new generation's number; the TSA gets a new key from it (audited).
     */
    int importCaCertificate(String pem);

    /**
     * The offline root's new CRL (PEM), as when it revokes a retired issuing CA whose key was compromised: checked
     * (MS-4023 to MS-4025, the refusal's message starts with its code) and kept; the certificates of a CA it newly
     * revokes are revoked, and the long-term job renews the evidence archived before (audited). Answers the
     * generations it newly revokes.
     */
    String importRootCrl(String pem);

    /** Starts the issuance latency figures again (audited). */
    void resetLatencies();
}
