package org.medsign.institution;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.error.ErrorCode;
import org.medsign.his.CanonicalRecord;
import org.medsign.his.HisGateway;
import org.medsign.his.HisRecord;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.signing.overdue.OverdueRecord;
import org.medsign.signing.overdue.RecordVersion;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Signs the overdue record versions the signing-deadline job hands over, when institution signing is on. It runs in
 * the job's chunk transaction, so a version is marked handed over exactly when its signature is stored. Only what
 * the HIS holds now is signed: a version changed or signed since the index saw it is left to the next run.
 */
@Stateless
@PermitAll
public class InstitutionSigner {

    private static final String ACTOR = "system";

    @PersistenceContext
    EntityManager em;

    @Inject
    InstitutionCredential credential;

    @Inject
    TimeStampAuthority tsa;

    @Inject
    KeyRing ring;

    @Inject
    HisGateway his;

    @Inject
    AuditLog audit;

    @Inject
    InstitutionCoverageQuery coverage;

    public void sign(@Observes OverdueRecord.Batch batch) {
        List<X509Certificate> chain = credential.chain().orElse(null);
        if (chain == null || batch.records().isEmpty()) {
            return;
        }
        List<Long> ids = batch.records().stream().map(OverdueRecord::recordId).toList();
        try {
            // versions signed already are skipped: a pending row the scan deleted and made again is handed over again
            int signed = signCurrent(batch.records(), chain, his.records(ids), coverage.signedVersionsOf(ids));
            audit.record(new AuditRecord(AuditAction.INSTITUTION_SIGNED, AuditOutcome.SUCCESS, ACTOR,
                    "records " + ids.get(0) + ".." + ids.get(ids.size() - 1), null, null,
                    signed + " signed of " + ids.size() + " overdue"));
        } catch (RuntimeException e) {
            audit.record(AuditRecord.failure(AuditAction.INSTITUTION_SIGNED, ACTOR,
                    "records " + ids.get(0) + ".." + ids.get(ids.size() - 1), ErrorCode.INTERNAL_ERROR, null));
            throw e;
        }
    }

    private int signCurrent(List<OverdueRecord> overdue, List<X509Certificate> chain, Map<Long, HisRecord> current,
                            Set<RecordVersion> done) {
        InstitutionCms cms = new InstitutionCms(ring, chain, tsa.stamper());
        String serial = chain.get(0).getSerialNumber().toString(16);
        Instant now = Instant.now();
        int signed = 0;
        for (OverdueRecord r : overdue) {
            HisRecord record = current.get(r.recordId());
            if (record == null || record.version() != r.version() || !record.unsigned()
                    || done.contains(new RecordVersion(r.recordId(), r.version()))) {
                continue;
            }
            CanonicalRecord canonical = record.canonical();
            em.persist(new InstitutionSignature(r.recordId(), r.version(), r.author(), serial, canonical.digestHex(),
                    cms.sign(canonical.bytes()), now));
            signed++;
        }
        return signed;
    }
}
