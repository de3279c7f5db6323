package org.medsign.signing.pending;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** R1: the last two calendar months in the hospital's time zone, by modification time. */
class PendingWindowTest {

    private static final PendingWindow WINDOW = PendingWindow.of(2, "Asia/Taipei");

    @Test
    void theWindowIsTwoCalendarMonthsAndIncludesItsStart() {
        Instant now = Instant.parse("2025-03-17T05:22:00Z");
        assertEquals(Instant.parse("2025-01-17T05:22:00Z"), WINDOW.start(now));
        assertTrue(WINDOW.contains(Instant.parse("2025-01-17T05:22:00Z"), now));
        assertFalse(WINDOW.contains(Instant.parse("2025-01-17T05:21:59.999Z"), now));
        assertTrue(WINDOW.contains(now, now));
    }

    @Test
    void monthsAreCountedInTaipeiNotUtc() {
        // 2025-04-30 20:00 UTC is 2025-05-01 04:00 in Taipei: two months back is 2025-03-01 04:00 Taipei
        assertEquals(Instant.parse("2025-02-28T20:00:00Z"), WINDOW.start(Instant.parse("2025-04-30T20:00:00Z")));
    }

    @Test
    void aShortMonthEndsTheWindowOnItsLastDay() {
        // 2025-04-30 Taipei less two months: February has no 30th, so the 28th
        assertEquals(Instant.parse("2025-02-28T04:00:00Z"), WINDOW.start(Instant.parse("2025-04-30T04:00:00Z")));
    }

    @Test
    void theMonthsComeFromTheConfiguration() {
        Instant now = Instant.parse("2025-03-17T05:22:00Z");
        assertEquals(Instant.parse("2025-02-17T05:22:00Z"), PendingWindow.of(1, "Asia/Taipei").start(now));
    }
}
