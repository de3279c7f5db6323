package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * IT's issuing CA rollover, on 憑證管理 and over JMX: (1) medsign makes a new CA key and hands out its PKCS#10 request;
 * (2) the hospital's offline root signs it; (3) IT imports the certificate (and the root's new CRL), which medsign
 * checks before it switches (MS-4016 to MS-4022). Then new certificates, OCSP answers for them and timestamps come
 * from the new generation; the retired key keeps signing its CRL and answers. Each step is audited.
 */
@Stateless
@RolesAllowed(Role.IT_ADMIN_NAME)
public class CaRollover {

    @Resource
    SessionContext caller;

    @Inject
    CertificateAuthority ca;

    @Inject
    TimeStampAuthority tsa;

    @Inject
    AuditLog audit;

    @Inject
    CaCompromise compromise;

    /** The issuing CA as IT sees it (Serializable: the certificate page keeps it in its view state). */
    public record CaView(int generation, String subject, String serial, Instant notBefore, Instant notAfter,
                         boolean pending, int retiredGenerations) implements java.io.Serializable {

        static CaView of(CaCertificates certificates, boolean pending) {
            X509Certificate issuing = certificates.issuing();
            return new CaView(certificates.generation(), issuing.getSubjectX500Principal().getName(),
                    issuing.getSerialNumber().toString(16), issuing.getNotBefore().toInstant(),
                    issuing.getNotAfter().toInstant(), pending, certificates.retired().size());
        }
    }

    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public CaView current() {
        return CaView.of(ca.certificates(), ca.caRolloverPending());
    }

    /** The pending CA key's request as PEM (a new key is made when none waits). */
    public String request() {
        String me = caller.getCallerPrincipal().getName();
        try {
            String pem = Pki.pem(new org.bouncycastle.pkcs.PKCS10CertificationRequest(ca.caRolloverRequest()));
            audit.record(AuditRecord.success(AuditAction.CA_ROLLOVER_REQUESTED, me,
                    "CA generation " + (ca.certificates().generation() + 1), null));
            return pem;
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.CA_ROLLOVER_REQUESTED, me, "CA", e.errorCode(), null));
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            audit.record(AuditRecord.failure(AuditAction.CA_ROLLOVER_REQUESTED, me, "CA", ErrorCode.INTERNAL_ERROR, null));
            throw new MedsignException(ErrorCode.INTERNAL_ERROR);
        }
    }

    /**
     * Imports a CRL the offline root signed on its own (PEM or DER), as when it revokes a retired CA whose key was
     * compromised; the generations it newly revokes ({@link CaCompromise}).
     */
    public List<Integer> importRootCrl(byte[] upload) {
        return compromise.importRootCrl(upload, caller.getCallerPrincipal().getName());
    }

    /** Imports the root's certificate for the pending key (PEM or DER, the root's CRL may follow) and switches. */
    public CaView importCertificate(byte[] upload) {
        String me = caller.getCallerPrincipal().getName();
        CaGeneration generation;
        try {
            generation = ca.importCaCertificate(upload);
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.CA_KEY_ROLLED, me, "CA", e.errorCode(), null));
            throw e;
        } catch (RuntimeException e) {
            audit.record(AuditRecord.failure(AuditAction.CA_KEY_ROLLED, me, "CA", ErrorCode.INTERNAL_ERROR, null));
            throw new MedsignException(ErrorCode.INTERNAL_ERROR);
        }
        String detail = "valid until " + generation.issuing().getNotAfter().toInstant();
        try {
            detail += ", TSA " + tsa.rollKey().getSerialNumber().toString(16);
        } catch (RuntimeException e) {
            // an HSM's TSA key: provisioned there; the old TSA certificate stays valid meanwhile
            detail += ", TSA not rolled over (" + e.getMessage() + ")";
        }
        audit.record(new AuditRecord(AuditAction.CA_KEY_ROLLED, AuditOutcome.SUCCESS, me,
                "CA generation " + generation.number() + " " + generation.issuing().getSerialNumber().toString(16),
                null, null, detail));
        return current();
    }
}
