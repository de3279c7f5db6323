package org.medsign.ops;

/**
 * {@code org.medsign:type=Monitoring}: what IT watches — health, certificates by status, devices, open tickets,
 * the CRL's age, the card CRLs' freshness and the audit chain — and the operations to publish a CRL, seal and verify the audit chain now.
 */
public interface MonitoringMXBean {

    String getStatus();

    boolean isDatabaseUp();

    boolean isCaKeyHealthy();

    String getVersion();

    long getCertificatesIssued();

    long getCertificatesDownloaded();

    long getCertificatesRevoked();

    long getCertificatesExpired();

    long getDevicesBound();

    long getOpenBindingTickets();

    long getCrlNumber();

    long getCrlAgeSeconds();

    String getCrlNextUpdate();

    /** Card CRLs (the HCA's) cached for card validation. */
    int getCardCrlsCached();

    /** Seconds since the stalest cached card CRL was fetched; -1 when none is cached yet. */
    long getCardCrlOldestFetchSeconds();

    /** The earliest nextUpdate among cached card CRLs, ISO-8601; "none" when none is cached. */
    String getCardCrlEarliestNextUpdate();

    /** Distribution points whose last refetch failed (card logins then rely on the cached CRL while it is current). */
    int getCardCrlFetchFailures();

    long getSignaturesAccepted();

    long getSignaturesRefused();

    long getSignatureLatencyP50Micros();

    long getSignatureLatencyP95Micros();

    String getUnsignedScanLastRun();

    String getSigningDeadlineLastRun();

    String getSigningRemindersLastRun();

    String getCredentialUpkeepLastRun();

    String getLongTermEvidenceLastRun();

    /** Stored signatures past their revocation grace period still at CAdES-T (the long-term-evidence job's backlog). */
    long getLongTermEvidenceBacklog();

    /** Seconds since the timestamp of the oldest signature in that backlog; 0 when it is empty. */
    long getLongTermEvidenceBacklogAgeSeconds();

    long startUnsignedScan(String mode);

    long publishCrl();

    long sealAuditChain();

    String verifyAuditChain();
}
