package org.medsign.staff;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts wrong passwords in a transaction of its own, so the count survives the refused login's rollback,
 * and locks the account when the count reaches the limit. The row lock makes concurrent tries count exactly.
 */
@Stateless
public class LoginAttempts {

    @PersistenceContext
    EntityManager em;

    /** Returns when the account is locked until, or null if it is not locked yet. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Instant recordFailure(long accountId, int maxFailures, Duration lockDuration, Instant now) {
        PortalAccount account = em.find(PortalAccount.class, accountId, LockModeType.PESSIMISTIC_WRITE);
        return account.failedLogin(maxFailures, lockDuration, now);
    }
}
