package org.medsign.signing.writeback;

import org.junit.jupiter.api.Test;
import org.medsign.his.HisGateway.SignedMark;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The order marks reach the HIS in, and which answers end a mark's wait as marked. */
class WriteRoundsTest {

    private static final Instant T = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void marksGoOldestFirstByStoredTimeThenId() {
        WaitingMark later = mark(9, 105, 1, T.plusSeconds(10));
        WaitingMark sameTimeLowerId = mark(7, 102, 1, T.plusSeconds(10));
        WaitingMark first = mark(900, 101, 1, T);
        assertEquals(List.of(List.of(first, sameTimeLowerId, later)),
                WriteRounds.of(List.of(later, first, sameTimeLowerId)), "the queue's order, not the ids' alone");
    }

    @Test
    void twoVersionsOfOneRecordNeverShareACallAndKeepTheirOrder() {
        WaitingMark v1 = mark(1, 100, 1, T);
        WaitingMark other = mark(2, 200, 1, T.plusSeconds(1));
        WaitingMark v2 = mark(3, 100, 2, T.plusSeconds(2));
        WaitingMark third = mark(4, 300, 1, T.plusSeconds(3));
        assertEquals(List.of(List.of(v1, other), List.of(v2, third)), WriteRounds.of(List.of(third, v2, other, v1)));
        assertEquals(List.of(), WriteRounds.of(List.of()));
    }

    @Test
    void theHisShowsTheVersionSignedWhenItMarkedItNowOrBefore() {
        assertTrue(WriteRounds.marked(SignedMark.MARKED));
        assertTrue(WriteRounds.marked(SignedMark.ALREADY_SIGNED), "a mark written twice is harmless");
        assertFalse(WriteRounds.marked(SignedMark.STALE_VERSION), "the record changed: its new version is pending");
        assertFalse(WriteRounds.marked(SignedMark.NOT_FOUND));
    }

    @Test
    void positionsOrderLikeTheQueue() {
        assertTrue(QueuePosition.START.compareTo(new QueuePosition(T, 1)) < 0);
        assertTrue(new QueuePosition(T, 9).compareTo(new QueuePosition(T.plusMillis(1), 1)) < 0);
        assertTrue(new QueuePosition(T, 1).compareTo(new QueuePosition(T, 2)) < 0);
    }

    private static WaitingMark mark(long signatureId, long recordId, int version, Instant storedAt) {
        return new WaitingMark(signatureId, recordId, version, "N0001", storedAt.minusSeconds(5), storedAt);
    }
}
