package org.medsign.signing;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SigningDeadlineTest {

    private static SigningDeadline rule() {
        SigningDeadline d = new SigningDeadline();
        d.hours = 24;
        d.warnHours = 4;
        return d;
    }

    @Test
    void aRecordIsDue24HoursAfterItWasMade() {
        Instant made = Instant.parse("2025-01-17T05:22:00Z");
        SigningDeadline d = rule();
        assertEquals(Instant.parse("2025-01-18T05:22:00Z"), d.dueAt(made));
        assertEquals(DeadlineState.IN_TIME, d.state(made, made.plusSeconds(19 * 3600)));
        assertEquals(DeadlineState.APPROACHING, d.state(made, made.plusSeconds(20 * 3600)));
        assertEquals(DeadlineState.OVERDUE, d.state(made, made.plusSeconds(24 * 3600)));
        Instant now = made.plusSeconds(30 * 3600);
        assertTrue(made.isBefore(d.overdueBefore(now)));
        assertTrue(d.approachingBefore(now).isAfter(d.overdueBefore(now)));
    }

    @Test
    void theWindowIsTwoCalendarMonthsInTheHospitalsTimeZone() {
        PendingWindow w = new PendingWindow();
        w.months = 2;
        w.timeZone = "Asia/Taipei";
        assertEquals(Instant.parse("2025-01-17T05:22:00Z"), w.start(Instant.parse("2025-03-17T05:22:00Z")));
        assertTrue(w.contains(Instant.parse("2025-01-17T05:22:00Z"), Instant.parse("2025-03-17T05:22:00Z")));
    }

    @Test
    void aPlanIncludesUnsignedRecordsOfTheWindowOnly() {
        ScanPlan plan = new ScanPlan(1, ScanPlan.Mode.FULL, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"));
        Instant in = Instant.parse("2025-02-01T00:00:00Z");
        assertTrue(plan.includes(record(in, 2, 1)));
        assertTrue(!plan.includes(record(in, 2, 2)));
        assertTrue(!plan.includes(record(Instant.parse("2024-12-31T00:00:00Z"), 1, null)));
    }

    private static org.medsign.his.HisRecord record(Instant modified, int version, Integer signed) {
        return new org.medsign.his.HisRecord(1, "1", "陳大文", "NURSING", "護理紀錄", "N0001", "T0", null, modified, modified,
                version, "x", signed);
    }
}
