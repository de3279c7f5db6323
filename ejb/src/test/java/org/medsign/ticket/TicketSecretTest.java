package org.medsign.ticket;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TicketSecretTest {

    private final Instant now = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void theRightCodeIsAcceptedOnce() {
        TicketSecret secret = new TicketSecret("FMTDJ5XD7N", now, Duration.ofMinutes(10));
        assertEquals(TicketSecret.Verdict.ACCEPTED, secret.check("fmtdj5xd7n", now));
        secret.use(now);
        assertEquals(TicketSecret.Verdict.USED, secret.check("FMTDJ5XD7N", now));
    }

    @Test
    void theFifthWrongCodeLocksForGood() {
        TicketSecret secret = new TicketSecret("FMTDJ5XD7N", now, Duration.ofMinutes(10));
        for (int left = 4; left >= 1; left--) {
            assertEquals(TicketSecret.Verdict.WRONG_CODE, secret.check("AAAAAAAAAA", now));
            assertEquals(left, secret.triesLeft());
        }
        assertEquals(TicketSecret.Verdict.LOCKED, secret.check("AAAAAAAAAA", now));
        assertEquals(TicketSecret.Verdict.LOCKED, secret.check("FMTDJ5XD7N", now));
        assertEquals(TicketStatus.LOCKED, secret.statusAt(now));
    }

    @Test
    void expiresAtTheEndOfItsLifetime() {
        TicketSecret secret = new TicketSecret("FMTDJ5XD7N", now, Duration.ofMinutes(10));
        assertEquals(TicketStatus.ISSUED, secret.statusAt(now.plusSeconds(599)));
        assertEquals(TicketSecret.Verdict.EXPIRED, secret.check("FMTDJ5XD7N", now.plusSeconds(600)));
    }

    @Test
    void aReplacedTicketNoLongerWorks() {
        TicketSecret secret = new TicketSecret("FMTDJ5XD7N", now, Duration.ofMinutes(10));
        secret.replace();
        assertEquals(TicketSecret.Verdict.REPLACED, secret.check("FMTDJ5XD7N", now));
    }
}
