package org.medsign.portal;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PortalTimeTest {

    @Test
    void timesReadAsTheHospitalWritesThemInItsTimeZone() {
        Instant instant = Instant.parse("2025-01-17T05:22:41Z");
        assertEquals("2025/01/17 13:22", PortalTime.format(instant, ZoneId.of("Asia/Taipei")), "M22's example line");
        assertEquals("2025/01/17 05:22", PortalTime.format(instant, ZoneId.of("UTC")));
        assertEquals("2025/01/18 00:10", PortalTime.format(Instant.parse("2025-01-17T16:10:00Z"), ZoneId.of("Asia/Taipei")),
                "past midnight in Taipei is the next day");
    }

    @Test
    void noTimeIsADash() {
        assertEquals("—", PortalTime.format(null, ZoneId.of("Asia/Taipei")));
    }
}
