package org.medsign.audit;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/** Appends security events, each in its own transaction, and reads a person's own history. */
@Stateless
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    /** Open to every caller: refused and anonymous requests are audited too. */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditRecord record) {
        em.persist(new AuditEvent(record, Instant.now()));
    }

    /** The caller's own recent events, for 個人資料. */
    @RolesAllowed({"STAFF", "IT_ADMIN", "AUDITOR"})
    public List<AuditEvent> myHistory(int max) {
        String actor = caller.getCallerPrincipal().getName();
        return em.createQuery("select e from AuditEvent e where e.actor = :actor order by e.occurredAt desc, e.id desc",
                        AuditEvent.class)
                .setParameter("actor", actor)
                .setMaxResults(max)
                .getResultList();
    }
}
