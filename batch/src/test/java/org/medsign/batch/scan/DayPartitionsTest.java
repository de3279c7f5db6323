package org.medsign.batch.scan;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DayPartitionsTest {

    private static final Instant START = Instant.parse("2025-11-17T05:30:00Z");

    @Test
    void theWindowIsCutIntoDaysNewestFirstWithNoGapOrOverlap() {
        Instant end = Instant.parse("2026-01-17T05:30:00Z").plusSeconds(3600);
        List<Properties> days = DayPartitions.days(START, end);
        assertEquals(62, days.size(), "61 whole days and the hour past them");
        assertEquals(end.toString(), days.get(0).getProperty("to"), "the day people are working on comes first");
        for (int i = 1; i < days.size(); i++) {
            assertEquals(days.get(i - 1).getProperty("from"), days.get(i).getProperty("to"), "contiguous at " + i);
        }
        Properties oldest = days.get(days.size() - 1);
        assertEquals(START.toString(), oldest.getProperty("from"), "the oldest day is cut at the window's start");
        assertEquals(START.plusSeconds(3600).toString(), oldest.getProperty("to"));
    }

    @Test
    void anEmptyWindowHasNoPartitions() {
        assertTrue(DayPartitions.days(START, START).isEmpty());
    }
}
