package org.medsign.ops;

/**
 * {@code org.medsign:type=Monitoring}: what IT watches — health, certificates by status, devices, open tickets,
 * the CRL's age and the audit chain — and the operations to publish a CRL, seal and verify the audit chain now.
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

    long getSignaturesAccepted();

    long getSignaturesRefused();

    long getSignatureLatencyP50Micros();

    long getSignatureLatencyP95Micros();

    String getUnsignedScanLastRun();

    String getSigningDeadlineLastRun();

    String getSigningRemindersLastRun();

    long startUnsignedScan(String mode);

    long publishCrl();

    long sealAuditChain();

    String verifyAuditChain();
}
