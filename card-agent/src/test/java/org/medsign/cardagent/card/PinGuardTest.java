package org.medsign.cardagent.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.backend.PinStatus;

class PinGuardTest {
    @TempDir
    Path dir;

    @Test
    void eachWrongPinCostsATryUntilLocked() throws Exception {
        PinGuard guard = guard("card-a", 3);

        assertEquals(new PinStatus(3, false), guard.status());
        guard.beginTry();
        assertWrong(guard.wrongPin(), 2);
        guard.beginTry();
        assertWrong(guard.wrongPin(), 1);
        guard.beginTry();
        AgentException last = guard.wrongPin();
        assertEquals(AgentError.PIN_LOCKED, last.error());
        assertEquals(0, last.pinTriesLeft());

        assertEquals(new PinStatus(0, true), guard.status());
        assertEquals(AgentError.PIN_LOCKED, assertThrows(AgentException.class, guard::beginTry).error());
    }

    @Test
    void aTryCountsBeforeThePinIsChecked() throws Exception {
        guard("card-a", 3).beginTry();

        assertEquals(2, guard("card-a", 3).status().triesLeft(), "a crash mid-try must not give a free guess");
    }

    @Test
    void successAndForgivenessRestoreTheCount() throws Exception {
        PinGuard guard = guard("card-a", 3);
        guard.beginTry();
        guard.wrongPin();
        int before = guard.beginTry();
        guard.forgive(before);
        assertEquals(2, guard.status().triesLeft());

        guard.beginTry();
        guard.succeeded();
        assertEquals(3, guard.status().triesLeft());
    }

    @Test
    void theCountOutlivesTheAgentAndIsPerCard() throws Exception {
        PinGuard first = guard("card-a", 2);
        first.beginTry();
        first.beginTry();

        assertTrue(guard("card-a", 2).status().locked());
        assertFalse(guard("card-b", 2).status().locked());
        guard("card-a", 2).reset();
        assertEquals(2, first.status().triesLeft(), "a running agent sees an unlock");
    }

    @Test
    void aDamagedCounterFailsClosed() throws Exception {
        Files.writeString(dir.resolve("pins.properties"), "card-a=lots\n");

        assertTrue(guard("card-a", 3).status().locked());
    }

    @Test
    void theDisabledGuardLeavesCountingToTheCard() throws Exception {
        PinGuard guard = PinGuard.disabled();

        assertFalse(guard.enabled());
        assertEquals(PinStatus.UNKNOWN, guard.status());
        guard.beginTry();
        guard.beginTry();
        guard.beginTry();
        guard.beginTry();
        assertEquals(PinStatus.UNKNOWN, guard.status());
    }

    private PinGuard guard(String card, int tries) {
        return PinGuard.persistent(dir.resolve("pins.properties"), card, tries);
    }

    private static void assertWrong(AgentException e, int left) {
        assertEquals(AgentError.PIN_WRONG, e.error());
        assertEquals(left, e.pinTriesLeft());
    }
}
