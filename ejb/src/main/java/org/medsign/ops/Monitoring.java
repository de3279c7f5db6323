package org.medsign.ops;

import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.audit.AuditVerifier;
import org.medsign.audit.ChainVerification;
import org.medsign.card.validation.CardValidation;
import org.medsign.card.validation.CrlFreshness;
import org.medsign.credential.CertificateRegistry;
import org.medsign.credential.CertificateStatus;
import org.medsign.credential.CrlPublication;
import org.medsign.credential.CrlPublisher;
import org.medsign.device.DeviceRegistry;
import org.medsign.jobs.JobControl;
import org.medsign.jobs.JobRun;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.signing.batch.SigningStatistics;
import org.medsign.signing.longterm.LongTermEvidence;

import java.time.Duration;
import java.time.Instant;

/**
 * The monitoring MBean: reads through the capabilities' public services, never their tables. JMX callers
 * are trusted by WildFly's management authentication; every operation they run is audited as "jmx".
 */
public class Monitoring implements MonitoringMXBean {

    private final Services services;

    Monitoring(Services services) {
        this.services = services;
    }

    @Override
    public String getStatus() {
        return services.health().check().status();
    }

    @Override
    public boolean isDatabaseUp() {
        return services.health().check().databaseUp();
    }

    @Override
    public boolean isCaKeyHealthy() {
        return services.keys().probe(KeyPurpose.ISSUE_CERTIFICATE);
    }

    @Override
    public String getVersion() {
        return HealthCheck.version();
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
    public int getCardCrlsCached() {
        return services.cards().crlFreshness().size();
    }

    @Override
    public long getCardCrlOldestFetchSeconds() {
        Instant now = Instant.now();
        return services.cards().crlFreshness().stream()
                .mapToLong(crl -> Duration.between(crl.fetchedAt(), now).toSeconds()).max().orElse(-1);
    }

    @Override
    public String getCardCrlEarliestNextUpdate() {
        return services.cards().crlFreshness().stream().map(CrlFreshness::nextUpdate).filter(java.util.Objects::nonNull)
                .min(Instant::compareTo).map(Instant::toString).orElse("none");
    }

    @Override
    public int getCardCrlFetchFailures() {
        return (int) services.cards().crlFreshness().stream().filter(crl -> crl.lastFailure() != null).count();
    }

    @Override
    public long getSignaturesAccepted() {
        return services.signing().accepted();
    }

    @Override
    public long getSignaturesRefused() {
        return services.signing().refused();
    }

    @Override
    public long getSignatureLatencyP50Micros() {
        return services.signing().percentileMicros(0.5);
    }

    @Override
    public long getSignatureLatencyP95Micros() {
        return services.signing().percentileMicros(0.95);
    }

    @Override
    public String getUnsignedScanLastRun() {
        return lastRun("unsigned-scan");
    }

    @Override
    public String getSigningDeadlineLastRun() {
        return lastRun("signing-deadline");
    }

    @Override
    public String getSigningRemindersLastRun() {
        return lastRun("signing-reminders");
    }

    @Override
    public String getCredentialUpkeepLastRun() {
        return lastRun("credential-upkeep");
    }

    @Override
    public String getLongTermEvidenceLastRun() {
        return lastRun("long-term-evidence");
    }

    @Override
    public long getLongTermEvidenceBacklog() {
        return services.longTerm().backlog().count();
    }

    @Override
    public long getLongTermEvidenceBacklogAgeSeconds() {
        return services.longTerm().backlog().ageSeconds(java.time.Instant.now());
    }

    @Override
    public long startUnsignedScan(String mode) {
        return services.jobs().startFromJmx("unsigned-scan", mode == null || mode.isBlank() ? "INCREMENTAL" : mode);
    }

    private String lastRun(String job) {
        JobRun run = services.jobs().lastRun(job);
        return run == null ? "never run" : run.summary();
    }

    @Override
    public long publishCrl() {
        CrlPublication crl = services.crls().publish();
        audited("publishCrl → CRL " + crl.crlNumber());
        return crl.crlNumber();
    }

    @Override
    public long sealAuditChain() {
        long sequence = services.seal().sealNow();
        audited("sealAuditChain → " + sequence);
        return sequence;
    }

    @Override
    public String verifyAuditChain() {
        ChainVerification result = services.verifier().verifyAsSystem();
        audited("verifyAuditChain → " + (result.intact() ? "intact" : "broken"));
        return result.intact() ? "intact: " + result.rowsChecked() + " rows, " + result.checkpointsChecked() + " checkpoints"
                : "BROKEN at " + result.firstBadSequence() + ": " + result.problem();
    }

    private void audited(String detail) {
        services.audit().record(new AuditRecord(AuditAction.JMX_OPERATION, org.medsign.audit.AuditOutcome.SUCCESS,
                "jmx", null, null, null, detail));
    }

    /** The services the MBean reads, looked up once by the registry. */
    record Services(HealthCheck health, KeyRing keys, CertificateRegistry certificates, DeviceRegistry devices,
                    CrlPublisher crls, AuditSeal seal, AuditVerifier verifier, AuditLog audit, SigningStatistics signing,
                    JobControl jobs, CardValidation cards, LongTermEvidence longTerm) {
    }
}
