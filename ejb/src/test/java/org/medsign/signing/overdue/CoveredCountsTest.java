package org.medsign.signing.overdue;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** IT's board counts a version as institution-signed only when exactly that version was signed. */
class CoveredCountsTest {

    private static final CoveredCounts.Line NURSE = new CoveredCounts.Line("N0001", "T0");
    private static final CoveredCounts.Line WARD = new CoveredCounts.Line("5A", "T0");

    @Test
    void countsTheSignedVersionsOfEachLine() {
        List<CoveredCounts.Row> rows = List.of(
                new CoveredCounts.Row(NURSE, new RecordVersion(1, 1)),
                new CoveredCounts.Row(NURSE, new RecordVersion(2, 3)),
                new CoveredCounts.Row(NURSE, new RecordVersion(3, 1)),
                new CoveredCounts.Row(WARD, new RecordVersion(4, 2)));
        Set<RecordVersion> signed = Set.of(new RecordVersion(1, 1), new RecordVersion(2, 2), new RecordVersion(4, 2),
                new RecordVersion(99, 1));
        assertEquals(Map.of(NURSE, 1L, WARD, 1L), CoveredCounts.count(rows, signed),
                "record 2 was signed in an older version: its author's pending version is not covered");
    }

    @Test
    void nothingSignedCountsNothing() {
        assertEquals(Map.of(), CoveredCounts.count(List.of(new CoveredCounts.Row(NURSE, new RecordVersion(1, 1))), Set.of()));
    }
}
