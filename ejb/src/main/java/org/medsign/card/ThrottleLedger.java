package org.medsign.card;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sliding windows of events per client address, kept in the database so that every node of a cluster counts the
 * same events: alternating nodes does not double an address's tries. Each event is written in its own transaction,
 * so a refused login that rolls back still counts.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ThrottleLedger {

    /** The longest window any caller uses; older events are purged now and then. */
    private static final Duration KEEP = Duration.ofDays(1);

    @PersistenceContext
    EntityManager em;

    /** When {@code subject} may try again, if its last {@code limit} events of {@code kind} all lie in the window. */
    public Optional<Instant> blockedUntil(String kind, String subject, int limit, Duration window, Instant now) {
        List<Instant> recent = em.createQuery("select e.occurredAt from ThrottleEvent e where e.kind = :k and e.subject = :s"
                        + " and e.occurredAt > :since order by e.occurredAt desc", Instant.class)
                .setParameter("k", kind).setParameter("s", subject).setParameter("since", now.minus(window))
                .setMaxResults(limit).getResultList();
        return recent.size() >= limit ? Optional.of(recent.get(limit - 1).plus(window)) : Optional.empty();
    }

    public void record(String kind, String subject, Instant now) {
        em.persist(new ThrottleEvent(kind, subject, now));
        if (ThreadLocalRandom.current().nextInt(200) == 0) {
            em.createQuery("delete from ThrottleEvent e where e.occurredAt < :t").setParameter("t", now.minus(KEEP)).executeUpdate();
        }
    }
}
