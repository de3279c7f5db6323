package org.medsign.his;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The canonical bytes are a contract with every signature ever made: fixed to the byte. */
class CanonicalRecordTest {

    static HisRecord record(int version, String content) {
        return new HisRecord(2370974L, "2370974", "陳大文", "TRANSFER", "轉運救護紀錄", "N0001", "T0", "NUR",
                Instant.parse("2025-01-17T05:22:00Z"), Instant.parse("2025-01-17T05:22:00.123456789Z"), version, content, null);
    }

    @Test
    void serializesExactlyAsDocumented() throws Exception {
        CanonicalRecord c = record(1, "體溫 36.8°C\r\n意識清楚").canonical();
        String expected = "medsign-his-record/1\n"
                + "id=2370974\n"
                + "version=1\n"
                + "chart=2370974\n"
                + "type=TRANSFER\n"
                + "author=N0001\n"
                + "site=T0\n"
                + "department=NUR\n"
                + "created=2025-01-17T05:22:00.000000Z\n"
                + "modified=2025-01-17T05:22:00.123456Z\n"
                + "content-length=" + "體溫 36.8°C\n意識清楚".getBytes(StandardCharsets.UTF_8).length + "\n"
                + "\n"
                + "體溫 36.8°C\n意識清楚";
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), c.bytes());
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(c.bytes()), c.digest());
        assertEquals(HexFormat.of().formatHex(c.digest()), c.digestHex());
    }

    @Test
    void leavesThePatientNameOutAndFollowsTheVersion() {
        CanonicalRecord v1 = record(1, "內容").canonical();
        assertFalse(new String(v1.bytes(), StandardCharsets.UTF_8).contains("陳大文"));
        assertNotEquals(v1.digestHex(), record(2, "內容").canonical().digestHex());
        assertNotEquals(v1.digestHex(), record(1, "內容。").canonical().digestHex());
    }

    @Test
    void normalizesUnicodeAndLineEndingsOnly() {
        String composed = "caf\u00e9\nline";
        String decomposed = "cafe\u0301\r\nline";
        assertEquals(record(1, composed).canonical().digestHex(), record(1, decomposed).canonical().digestHex());
        assertNotEquals(record(1, composed).canonical().digestHex(), record(1, composed + " ").canonical().digestHex());
    }
}
