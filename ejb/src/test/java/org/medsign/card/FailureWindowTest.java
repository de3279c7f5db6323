package org.medsign.card;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FailureWindowTest {

    @Test
    void blocksAKeyAtTheLimitUntilItsOldestFailureLeavesTheWindow() {
        FailureWindow window = new FailureWindow(3, Duration.ofMinutes(10), 100);
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        window.record("10.0.0.7", t);
        window.record("10.0.0.7", t.plusSeconds(60));
        assertTrue(window.blockedUntil("10.0.0.7", t.plusSeconds(61)).isEmpty());
        window.record("10.0.0.7", t.plusSeconds(120));
        assertEquals(t.plus(Duration.ofMinutes(10)), window.blockedUntil("10.0.0.7", t.plusSeconds(121)).orElseThrow());
        assertTrue(window.blockedUntil("10.0.0.8", t.plusSeconds(121)).isEmpty(), "per address");
        assertTrue(window.blockedUntil("10.0.0.7", t.plus(Duration.ofMinutes(10))).isEmpty(), "the oldest has left");
    }

    @Test
    void memoryStaysBounded() {
        FailureWindow window = new FailureWindow(3, Duration.ofMinutes(1), 10);
        Instant t = Instant.parse("2026-11-26T10:00:00Z");
        for (int i = 0; i < 10; i++) {
            window.record("old-" + i, t);
        }
        window.record("new", t.plus(Duration.ofMinutes(5)));
        window.record("new", t.plus(Duration.ofMinutes(5)));
        window.record("new", t.plus(Duration.ofMinutes(5)));
        assertTrue(window.blockedUntil("new", t.plus(Duration.ofMinutes(5))).isPresent());
    }
}
