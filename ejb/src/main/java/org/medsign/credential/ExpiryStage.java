package org.medsign.credential;

import jakarta.persistence.Query;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

/**
 * The expiry reminders: 60, 30 and 7 days before notAfter. Only the latest stage reached is sent, so a job that was
 * off for a month sends one reminder, not three.
 */
final class ExpiryStage {

    static final int[] DAYS = {60, 30, 7};

    private ExpiryStage() {
    }

    /** The stage due at {@code now} unless {@code reminded} (the last stage sent) already covers it. */
    static OptionalInt due(Instant notAfter, Integer reminded, Instant now) {
        if (!notAfter.isAfter(now)) {
            return OptionalInt.empty();
        }
        int stage = 0;
        for (int days : DAYS) {
            if (!notAfter.isAfter(now.plus(Duration.ofDays(days)))) {
                stage = days;
            }
        }
        return stage == 0 || (reminded != null && reminded <= stage) ? OptionalInt.empty() : OptionalInt.of(stage);
    }

    /** {@link #due}'s rule as a JPQL condition on Certificate {@code c}, for a query that {@link #bind}s it. */
    static String condition() {
        StringBuilder jpql = new StringBuilder("c.notAfter > :now and c.notAfter <= :stage0 and (c.expiryReminded is null");
        for (int i = 1; i < DAYS.length; i++) {
            jpql.append(" or (c.notAfter <= :stage").append(i).append(" and c.expiryReminded > ").append(DAYS[i]).append(')');
        }
        return jpql.append(')').toString();
    }

    static <Q extends Query> Q bind(Q query, Instant now) {
        query.setParameter("now", now);
        for (int i = 0; i < DAYS.length; i++) {
            query.setParameter("stage" + i, now.plus(Duration.ofDays(DAYS[i])));
        }
        return query;
    }
}
