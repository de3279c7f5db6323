package org.medsign.audit;

import org.medsign.kernel.Role;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.time.Instant;
import java.util.List;

/**
 * Appends security events, each in its own transaction, to the hash chain (the head row is locked, so rows get
 * contiguous numbers), and reads them: a person their own history, IT and auditors everyone's.
 */
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
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditEvent event = new AuditEvent(record, Instant.now(), head.lastSequence() + 1, head.lastHash());
        em.persist(event);
        head.advance(event);
    }

    /** IT's and auditors' view, newest first, filtered by any of actor, action and time range. */
    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<AuditEntryView> search(AuditQuery query, int max) {
        StringBuilder jpql = new StringBuilder("select e from AuditEvent e where 1 = 1");
        if (query.actor() != null) {
            jpql.append(" and e.actor = :actor");
        }
        if (query.action() != null) {
            jpql.append(" and e.action = :action");
        }
        if (query.outcome() != null) {
            jpql.append(" and e.outcome = :outcome");
        }
        if (query.from() != null) {
            jpql.append(" and e.occurredAt >= :from");
        }
        if (query.to() != null) {
            jpql.append(" and e.occurredAt < :to");
        }
        TypedQuery<AuditEvent> q = em.createQuery(jpql.append(" order by e.occurredAt desc, e.id desc").toString(),
                AuditEvent.class);
        if (query.actor() != null) {
            q.setParameter("actor", query.actor());
        }
        if (query.action() != null) {
            q.setParameter("action", query.action());
        }
        if (query.outcome() != null) {
            q.setParameter("outcome", query.outcome());
        }
        if (query.from() != null) {
            q.setParameter("from", query.from());
        }
        if (query.to() != null) {
            q.setParameter("to", query.to());
        }
        return q.setMaxResults(max).getResultStream().map(AuditEntryView::of).toList();
    }

    /** The caller's own recent events, for 個人資料. */
    @RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<AuditEntryView> myHistory(int max) {
        String actor = caller.getCallerPrincipal().getName();
        return em.createQuery("select e from AuditEvent e where e.actor = :actor order by e.occurredAt desc, e.id desc",
                        AuditEvent.class)
                .setParameter("actor", actor)
                .setMaxResults(max)
                .getResultStream().map(AuditEntryView::of).toList();
    }
}
