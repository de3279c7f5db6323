package org.medsign.credential;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ExpiryStageTest {

    private static final Instant NOW = Instant.parse("2026-11-27T00:00:00Z");

    private static OptionalInt due(long daysLeft, Integer reminded) {
        return ExpiryStage.due(NOW.plus(Duration.ofDays(daysLeft)).plusSeconds(60), reminded, NOW);
    }

    @Test
    void nothingIsDueMoreThanSixtyDaysAhead() {
        assertEquals(OptionalInt.empty(), due(61, null));
    }

    @Test
    void theLatestStageReachedIsDueOnce() {
        assertEquals(OptionalInt.of(60), due(59, null));
        assertEquals(OptionalInt.empty(), due(59, 60));
        assertEquals(OptionalInt.of(30), due(29, 60));
        assertEquals(OptionalInt.of(7), due(6, 30));
        assertEquals(OptionalInt.empty(), due(6, 7));
    }

    @Test
    void aJobThatWasOffSendsOnlyTheLatestStage() {
        assertEquals(OptionalInt.of(7), due(3, null));
    }

    @Test
    void anExpiredCertificateGetsNoReminder() {
        assertEquals(OptionalInt.empty(), ExpiryStage.due(NOW.minusSeconds(1), null, NOW));
    }
}
