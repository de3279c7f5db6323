package org.medsign.signing.pending;

import org.junit.jupiter.api.Test;
import org.medsign.his.HisRecord;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanPlanTest {

    @Test
    void aPlanIncludesUnsignedRecordsOfTheWindowOnly() {
        ScanPlan plan = new ScanPlan(1, ScanPlan.Mode.FULL, Instant.parse("2025-01-01T00:00:00Z"),
                Instant.parse("2025-03-01T00:00:00Z"), Instant.parse("2025-03-01T00:00:00Z"));
        Instant in = Instant.parse("2025-02-01T00:00:00Z");
        assertTrue(plan.includes(record(in, 2, 1)), "a newer version than the signed one");
        assertTrue(plan.includes(record(plan.windowStart(), 1, null)), "the window's first instant");
        assertFalse(plan.includes(record(in, 2, 2)), "signed");
        assertFalse(plan.includes(record(Instant.parse("2024-12-31T23:59:59Z"), 1, null)), "before the window");
    }

    private static HisRecord record(Instant modified, int version, Integer signed) {
        return new HisRecord(1, "1", "陳大文", "NURSING", "護理紀錄", "N0001", "T0", null, modified, modified,
                version, "x", signed);
    }
}
