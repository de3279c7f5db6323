package org.medsign.signing.deadline;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The 24-hour rule: due time, states and their edges, the query bounds, and what a modification does. */
class DeadlineRuleTest {

    private static final DeadlineRule RULE = DeadlineRule.of(24, 4);
    private static final Instant MADE = Instant.parse("2025-01-17T05:22:00Z");

    @Test
    void aRecordIsDue24HoursAfterItWasMade() {
        assertEquals(Instant.parse("2025-01-18T05:22:00Z"), RULE.dueAt(MADE));
    }

    @Test
    void itIsInTimeThenApproachingForTheLastFourHoursThenOverdueFromTheDueTimeOn() {
        assertEquals(DeadlineState.IN_TIME, RULE.state(MADE, MADE));
        assertEquals(DeadlineState.IN_TIME, RULE.state(MADE, MADE.plus(Duration.ofHours(20)).minusNanos(1)));
        assertEquals(DeadlineState.APPROACHING, RULE.state(MADE, MADE.plus(Duration.ofHours(20))));
        assertEquals(DeadlineState.APPROACHING, RULE.state(MADE, MADE.plus(Duration.ofHours(24)).minusNanos(1)));
        assertEquals(DeadlineState.OVERDUE, RULE.state(MADE, MADE.plus(Duration.ofHours(24))));
        assertEquals(DeadlineState.OVERDUE, RULE.state(MADE, MADE.plus(Duration.ofDays(40))));
    }

    @Test
    void theQueryBoundsAgreeWithTheStates() {
        Instant now = MADE.plus(Duration.ofHours(30));
        assertEquals(now.minus(Duration.ofHours(24)), RULE.overdueBefore(now));
        assertEquals(now.minus(Duration.ofHours(20)), RULE.approachingBefore(now));
        Instant justOverdue = RULE.overdueBefore(now).minusNanos(1);
        Instant justApproaching = RULE.approachingBefore(now).minusNanos(1);
        assertEquals(DeadlineState.OVERDUE, RULE.state(justOverdue, now));
        assertEquals(DeadlineState.APPROACHING, RULE.state(RULE.overdueBefore(now).plusNanos(1), now));
        assertEquals(DeadlineState.APPROACHING, RULE.state(justApproaching, now));
        assertEquals(DeadlineState.IN_TIME, RULE.state(RULE.approachingBefore(now).plusNanos(1), now));
    }

    @Test
    void theHoursComeFromTheConfiguration() {
        DeadlineRule twelve = DeadlineRule.of(12, 2);
        assertEquals(MADE.plus(Duration.ofHours(12)), twelve.dueAt(MADE));
        assertEquals(DeadlineState.APPROACHING, twelve.state(MADE, MADE.plus(Duration.ofHours(10))));
        assertEquals(DeadlineState.IN_TIME, twelve.state(MADE, MADE.plus(Duration.ofHours(10)).minusNanos(1)));
    }

    /**
     * The case seen on 首頁: listed at 2026/10/12 11:53 (its modification), due 2026/10/11 17:51. The clock runs from
     * the creation, so the due time may precede the modification, and the record is overdue however fresh the edit.
     */
    @Test
    void aModificationDoesNotRestartTheClock() {
        Instant created = Instant.parse("2026-10-10T09:51:00Z");
        Instant modified = Instant.parse("2026-10-12T03:53:00Z");
        Instant due = RULE.dueAt(created);
        assertEquals(Instant.parse("2026-10-11T09:51:00Z"), due);
        assertTrue(due.isBefore(modified));
        assertEquals(DeadlineState.OVERDUE, RULE.state(created, modified.plusSeconds(60)));
        assertFalse(RULE.dueAt(created).equals(RULE.dueAt(modified)));
    }
}
