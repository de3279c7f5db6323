package org.medsign.card;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Issues and uses up challenges. Using one commits in its own transaction before the signature is even looked at,
 * so a challenge can never be presented twice, whatever happens to the request that presented it.
 */
@Stateless
@PermitAll
public class CardChallenges {

    /** 256 random bits, base64url without padding. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    public IssuedChallenge issue(CardPurpose purpose, ChallengeBinding binding, Instant now, Instant expires,
                                 Map<String, String> extra) {
        byte[] nonce = new byte[32];
        RANDOM.nextBytes(nonce);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(nonce);
        CardChallenge challenge = new CardChallenge(id, purpose, binding,
                ChallengeText.of(purpose, binding.origin(), id, expires, extra), now, expires);
        em.persist(challenge);
        return IssuedChallenge.of(challenge, purpose);
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ChallengeUse use(String id, CardPurpose purpose, ChallengeBinding binding, Instant now) {
        if (id == null || !ID.matcher(id).matches() || binding.sessionHash().isEmpty()) {
            return ChallengeUse.refused(ChallengeUse.Outcome.UNKNOWN);
        }
        CardChallenge challenge = em.find(CardChallenge.class, id, LockModeType.PESSIMISTIC_WRITE);
        return challenge == null ? ChallengeUse.refused(ChallengeUse.Outcome.UNKNOWN) : challenge.use(purpose, binding, now);
    }

    /** Challenges live minutes; a day later they are only clutter. */
    @Schedule(hour = "*", minute = "*/15", persistent = false)
    void purge() {
        em.createQuery("delete from CardChallenge c where c.expiresAt < :before")
                .setParameter("before", Instant.now().minus(Duration.ofDays(1)))
                .executeUpdate();
    }
}
