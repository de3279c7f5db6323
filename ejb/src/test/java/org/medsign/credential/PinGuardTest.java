package org.medsign.credential;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The web app's signing PIN count: three free tries, then locks of 1, 5, 30 minutes and 24 hours; a right PIN clears it. */
class PinGuardTest {

    private static final byte[] RIGHT = new byte[32];
    private static final byte[] WRONG = new byte[32];

    static {
        RIGHT[0] = 1;
        WRONG[0] = 2;
    }

    @Test
    void wrongPinsLockForLongerAndLonger() {
        Instant now = Instant.parse("2026-12-05T10:00:00Z");
        PinGuard guard = new PinGuard("ab12", "N0001", RIGHT, new byte[]{9}, now);
        assertFalse(guard.check(WRONG, now));
        assertEquals(2, guard.triesLeft());
        assertFalse(guard.check(WRONG, now));
        assertFalse(guard.lockedAt(now));
        assertFalse(guard.check(WRONG, now));
        assertEquals(now.plus(Duration.ofMinutes(1)), guard.lockedUntil());
        Instant later = guard.lockedUntil();
        assertFalse(guard.check(WRONG, later));
        assertEquals(later.plus(Duration.ofMinutes(5)), guard.lockedUntil());
        later = guard.lockedUntil();
        assertFalse(guard.check(WRONG, later));
        assertEquals(later.plus(Duration.ofMinutes(30)), guard.lockedUntil());
        later = guard.lockedUntil();
        assertFalse(guard.check(WRONG, later));
        assertEquals(later.plus(Duration.ofHours(24)), guard.lockedUntil());
        later = guard.lockedUntil();
        assertFalse(guard.check(WRONG, later));
        assertEquals(later.plus(Duration.ofHours(24)), guard.lockedUntil());
        assertTrue(guard.lockedAt(later));
    }

    @Test
    void aRightPinClearsTheCount() {
        Instant now = Instant.now();
        PinGuard guard = new PinGuard("ab12", "N0001", RIGHT, new byte[]{9}, now);
        assertFalse(guard.check(WRONG, now));
        assertFalse(guard.check(WRONG, now));
        assertTrue(guard.check(RIGHT, now));
        assertEquals(3, guard.triesLeft());
        assertNull(guard.lockedUntil());
    }
}
