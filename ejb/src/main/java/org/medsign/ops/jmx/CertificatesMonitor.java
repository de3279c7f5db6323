package org.medsign.ops.jmx;

import org.medsign.credential.CertificateStatus;
import org.medsign.credential.CrlPublication;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.latency.TimedOperation;

import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditRecord;
import org.medsign.error.MedsignException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

/** The CA's figures; the watch alerts once per CRL that nears its nextUpdate and once per CA key failure. */
public class CertificatesMonitor extends AreaMonitor implements CertificatesMXBean {

    private final MonitoredServices services;
    private final Duration crlWarning;
    private long crlAlerted = -1;
    private boolean caKeyWasHealthy = true;

    CertificatesMonitor(MonitoredServices services, Duration crlWarning) {
        super("Certificates", services.audit(), services.latencies(),
                alertInfo(CRL_NEXT_UPDATE_NEAR, "The CRL nears its nextUpdate and no newer one was published"),
                alertInfo(CA_KEY_UNHEALTHY, "The CA key cannot sign"));
        this.services = services;
        this.crlWarning = crlWarning;
    }

    @Override
    protected void watch(Instant now) {
        boolean healthy = isCaKeyHealthy();
        if (!healthy && caKeyWasHealthy) {
            alert(CA_KEY_UNHEALTHY, "The Mobile Signing CA key cannot sign: no certificate can be issued, no CRL published");
        }
        caKeyWasHealthy = healthy;
        CrlPublication crl = services.crls().current();
        if (nearNextUpdate(crl.nextUpdate(), now, crlWarning) && crl.crlNumber() != crlAlerted) {
            crlAlerted = crl.crlNumber();
            alert(CRL_NEXT_UPDATE_NEAR, "CRL " + crl.crlNumber() + " reaches its nextUpdate at " + crl.nextUpdate()
                    + " and no newer CRL is published (is credential-upkeep running?)");
        }
    }

    static boolean nearNextUpdate(Instant nextUpdate, Instant now, Duration warning) {
        return !now.plus(warning).isBefore(nextUpdate);
    }

    @Override
    public boolean isCaKeyHealthy() {
        return services.keys().probe(KeyPurpose.ISSUE_CERTIFICATE);
    }

    @Override
    public long getCertificatesIssued() {
        return services.certificates().countByStatus().get(CertificateStatus.ISSUED);
    }

    @Override
    public long getCertificatesDownloaded() {
        return services.certificates().countByStatus().get(CertificateStatus.DOWNLOADED);
    }

    @Override
    public long getCertificatesRevoked() {
        return services.certificates().countByStatus().get(CertificateStatus.REVOKED);
    }

    @Override
    public long getCertificatesExpired() {
        return services.certificates().countByStatus().get(CertificateStatus.EXPIRED);
    }

    @Override
    public long getDevicesBound() {
        return services.devices().statistics().bound();
    }

    @Override
    public long getOpenBindingTickets() {
        return services.devices().statistics().openTickets();
    }

    @Override
    public long getCrlNumber() {
        return services.crls().current().crlNumber();
    }

    @Override
    public long getCrlAgeSeconds() {
        return Duration.between(services.crls().current().thisUpdate(), Instant.now()).toSeconds();
    }

    @Override
    public String getCrlNextUpdate() {
        return services.crls().current().nextUpdate().toString();
    }

    @Override
    public long getCertificateIssuanceCount() {
        return latency(TimedOperation.CERTIFICATE_ISSUANCE).count();
    }

    @Override
    public double getCertificateIssuanceLatencyP50Milliseconds() {
        return latency(TimedOperation.CERTIFICATE_ISSUANCE).p50Milliseconds();
    }

    @Override
    public double getCertificateIssuanceLatencyP95Milliseconds() {
        return latency(TimedOperation.CERTIFICATE_ISSUANCE).p95Milliseconds();
    }

    @Override
    public double getCertificateIssuanceLatencyP99Milliseconds() {
        return latency(TimedOperation.CERTIFICATE_ISSUANCE).p99Milliseconds();
    }

    @Override
    public double getCertificateIssuanceLatencyMaxMilliseconds() {
        return latency(TimedOperation.CERTIFICATE_ISSUANCE).maxMilliseconds();
    }

    @Override
    public long publishCrl() {
        CrlPublication crl = services.crls().publish();
        audited("publishCrl → CRL " + crl.crlNumber());
        return crl.crlNumber();
    }

    @Override
    public String getTsaCertificateSerial() {
        return services.tsa().certificate().getSerialNumber().toString(16);
    }

    @Override
    public String rollTimestampKey() {
        String serial = services.tsa().rollKey().getSerialNumber().toString(16);
        audited("rollTimestampKey → TSA certificate " + serial);
        return serial;
    }

    @Override
    public int getCaGeneration() {
        return services.ca().certificates().generation();
    }

    @Override
    public boolean isCaRolloverPending() {
        return services.ca().caRolloverPending();
    }

    @Override
    public String requestCaRollover() {
        try {
            String pem = org.medsign.credential.Pki.pem(
                    new org.bouncycastle.pkcs.PKCS10CertificationRequest(services.ca().caRolloverRequest()));
            audited("requestCaRollover → request for CA generation " + (getCaGeneration() + 1));
            return pem;
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        } catch (MedsignException e) {
            throw refused(AuditAction.CA_ROLLOVER_REQUESTED, e);
        }
    }

    @Override
    public int importCaCertificate(String pem) {
        var generation = importOrRefuse(pem == null ? new byte[0] : pem.getBytes(StandardCharsets.US_ASCII));
        String tsa;
        try {
            tsa = services.tsa().rollKey().getSerialNumber().toString(16);
        } catch (RuntimeException e) {
            tsa = "not rolled over (" + e.getMessage() + ")";
        }
        audited("importCaCertificate → CA generation " + generation.number() + ", certificate "
                + generation.issuing().getSerialNumber().toString(16) + ", TSA " + tsa);
        return generation.number();
    }

    @Override
    public String importRootCrl(String pem) {
        try {
            // CaCompromise audits the import and its refusals itself
            return "revokes CA generation " + services.compromise().importRootCrl(
                    pem == null ? new byte[0] : pem.getBytes(StandardCharsets.US_ASCII), "jmx");
        } catch (MedsignException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private org.medsign.credential.CaGeneration importOrRefuse(byte[] upload) {
        try {
            return services.ca().importCaCertificate(upload);
        } catch (MedsignException e) {
            throw refused(AuditAction.CA_KEY_ROLLED, e);
        }
    }

    /** A coded refusal, audited, as an exception any JMX client can read (its message starts with the code). */
    private IllegalArgumentException refused(AuditAction action, MedsignException e) {
        services.audit().record(AuditRecord.failure(action, "jmx", "CA", e.errorCode(), null));
        return new IllegalArgumentException(e.getMessage());
    }

    @Override
    public void resetLatencies() {
        resetLatencies(TimedOperation.CERTIFICATE_ISSUANCE);
    }
}
