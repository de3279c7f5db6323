package org.medsign.credential;

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
}
