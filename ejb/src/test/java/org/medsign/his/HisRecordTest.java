package org.medsign.his;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HisRecordTest {

    private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

    private static HisRow row(String chart, String patient, String type, String typeName, String author, int version,
                              String content, Instant modified) {
        return new HisRow(7L, chart, patient, type, typeName, author, "T0", "NUR", T, modified, version, content, null, modified);
    }

    @Test
    void acceptsAGoodRowAndKnowsItIsUnsigned() {
        HisRecord r = HisRecord.of(row("2370974", "陳大文", "NURSING", "護理紀錄", "N0001", 1, "x", T));
        assertTrue(r.unsigned());
        assertFalse(r.toString().contains("陳大文"), "no patient name in logs");
    }

    @Test
    void refusesMalformedRowsNamingTheReasonButNoPersonalData() {
        assertReason("unknown record type", row("2370974", "陳大文", "XYZ", null, "N0001", 1, "x", T));
        assertReason("no patient", row("9999999", null, "NURSING", "護理紀錄", "N0001", 1, "x", T));
        assertReason("author", row("2370974", "陳大文", "NURSING", "護理紀錄", " ", 1, "x", T));
        assertReason("version", row("2370974", "陳大文", "NURSING", "護理紀錄", "N0001", 0, "x", T));
        assertReason("no content", row("2370974", "陳大文", "NURSING", "護理紀錄", "N0001", 1, null, T));
        assertReason("modified before created", row("2370974", "陳大文", "NURSING", "護理紀錄", "N0001", 1, "x",
                T.minusSeconds(1)));
        assertReason("author", row("2370974", "陳大文", "NURSING", "護理紀錄", "N00\n01", 1, "x", T));
    }

    private static void assertReason(String reason, HisRow row) {
        MalformedHisRecordException e = assertThrows(MalformedHisRecordException.class, () -> HisRecord.of(row));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertFalse(e.getMessage().contains("陳"), e.getMessage());
        assertEquals(7L, e.recordId());
    }
}
