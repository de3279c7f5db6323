package org.medsign.institution;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.CanonicalRecord;
import org.medsign.his.HisGateway;
import org.medsign.kernel.Role;

import java.util.Base64;

/** The institution signatures for IT and auditors: the evidence of one record's latest, each read audited. */
@Stateless
@RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class InstitutionSignatures {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    HisGateway his;

    @Inject
    AuditLog audit;

    public InstitutionEvidence of(long recordId) {
        String me = caller.getCallerPrincipal().getName();
        InstitutionSignature s = em.createQuery("select s from InstitutionSignature s where s.hisRecordId = :id"
                        + " order by s.recordVersion desc", InstitutionSignature.class)
                .setParameter("id", recordId).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (s == null) {
            audit.record(AuditRecord.failure(AuditAction.INSTITUTION_SIGNATURE_READ, me, "record " + recordId,
                    ErrorCode.INSTITUTION_SIGNATURE_NOT_FOUND, null));
            throw new MedsignException(ErrorCode.INSTITUTION_SIGNATURE_NOT_FOUND, recordId);
        }
        String canonical = his.canonical(recordId).filter(c -> c.version() == s.recordVersion())
                .map(CanonicalRecord::bytes).map(Base64.getEncoder()::encodeToString).orElse(null);
        audit.record(AuditRecord.success(AuditAction.INSTITUTION_SIGNATURE_READ, me, "record " + recordId, null));
        return new InstitutionEvidence(recordId, s.recordVersion(), s.author(), s.certificateSerial(), s.digest(),
                s.timestampTime(), Base64.getEncoder().encodeToString(s.cms()), canonical);
    }
}
