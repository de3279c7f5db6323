package org.medsign.signing.evidence;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.credential.SignerCertificate;
import org.medsign.credential.SigningCertificates;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.CanonicalRecord;
import org.medsign.his.HisGateway;
import org.medsign.kernel.Role;

import java.time.Instant;
import java.util.List;

/**
 * The stored signatures: a person's list, and re-verification of any one with a report. Staff see and verify their
 * own; IT and auditors anyone's. Every verification is audited with its indication.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class SignatureArchive {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    SigningCertificates certificates;

    @Inject
    HisGateway his;

    @Inject
    AuditLog audit;

    public List<SignatureSummary> mine(int max) {
        return of(caller.getCallerPrincipal().getName(), max);
    }

    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<SignatureSummary> signedBy(String employeeNumber, int max) {
        return of(employeeNumber, max);
    }

    /** The stored CMS (CAdES-T) of one signature, for outside tools such as {@code openssl cms -verify}. */
    public byte[] cms(long signatureId) {
        return visible(signatureId).cms();
    }

    public VerificationReport verify(long signatureId) {
        return verify(signatureId, null);
    }

    /**
     * Re-verifies a stored signature as of a validation time ({@code asOf}, null for now): revocations known by then,
     * and whether its newest timestamp still holds then. The report says which evidence it used.
     */
    public VerificationReport verify(long signatureId, Instant asOf) {
        return verified(signatureId, asOf).report();
    }

    /** What an evidence export packs: the report of a verification now, the stored CMS, and the signed bytes. */
    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public Verified verifiedWithEvidence(long signatureId) {
        return verified(signatureId, null);
    }

    /** A verification's report with the CMS it verified and the record version's bytes (null when the HIS no longer holds it). */
    public record Verified(VerificationReport report, byte[] cms, byte[] content) {
    }

    private Verified verified(long signatureId, Instant asOf) {
        String me = caller.getCallerPrincipal().getName();
        RecordSignature stored = visible(signatureId);
        SignerCertificate certificate = certificates.bySerial(stored.certificateSerial()).orElse(null);
        byte[] canonical = his.canonical(stored.hisRecordId()).filter(c -> c.version() == stored.recordVersion())
                .map(CanonicalRecord::bytes).orElse(null);
        List<VerificationReport.Check> checks = StoredSignatureCheck.run(stored, certificate, certificates.authorities(),
                canonical, asOf);
        VerificationReport.Indication indication = VerificationReport.indication(checks);
        audit.record(new AuditRecord(AuditAction.SIGNATURE_VERIFIED, indication == VerificationReport.Indication.TOTAL_PASSED
                ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, me, "signature " + signatureId, null, null,
                indication.name() + (asOf == null ? "" : " as of " + asOf)));
        return new Verified(new VerificationReport(stored.id(), stored.hisRecordId(), stored.recordVersion(),
                stored.signer(), stored.certificateSerial(), stored.signingTime(), stored.timestampTime(),
                stored.delayReason(), indication, checks, Instant.now(), asOf == null ? Instant.now() : asOf),
                stored.cms(), canonical);
    }

    private RecordSignature visible(long signatureId) {
        String me = caller.getCallerPrincipal().getName();
        RecordSignature stored = em.find(RecordSignature.class, signatureId);
        if (stored == null || !(stored.signer().equals(me) || caller.isCallerInRole(Role.IT_ADMIN_NAME)
                || caller.isCallerInRole(Role.AUDITOR_NAME))) {
            audit.record(AuditRecord.denied(AuditAction.SIGNATURE_VERIFIED, me, "signature " + signatureId,
                    ErrorCode.SIGNATURE_NOT_FOUND, null));
            throw new MedsignException(ErrorCode.SIGNATURE_NOT_FOUND, signatureId);
        }
        return stored;
    }

    private List<SignatureSummary> of(String signer, int max) {
        return em.createQuery("select s from RecordSignature s where s.signer = :who order by s.createdAt desc, s.id desc",
                        RecordSignature.class)
                .setParameter("who", signer).setMaxResults(Math.max(1, Math.min(max, 500)))
                .getResultStream().map(SignatureSummary::of).toList();
    }
}
