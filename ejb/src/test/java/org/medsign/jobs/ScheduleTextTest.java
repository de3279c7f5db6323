package org.medsign.jobs;

import jakarta.ejb.ScheduleExpression;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScheduleTextTest {

    @Test
    void readsTheThreeForms() {
        ScheduleExpression every = ScheduleText.parse("every 10m", "Asia/Taipei");
        assertEquals("*/10", every.getMinute());
        assertEquals("*", every.getHour());
        ScheduleExpression hourly = ScheduleText.parse("every 2h", "Asia/Taipei");
        assertEquals("*/2", hourly.getHour());
        assertEquals("0", hourly.getMinute());
        ScheduleExpression daily = ScheduleText.parse(" Daily 02:30 ", "Asia/Taipei");
        assertEquals("02", daily.getHour());
        assertEquals("30", daily.getMinute());
        assertEquals("Asia/Taipei", daily.getTimezone());
        assertNull(ScheduleText.parse("off", "Asia/Taipei"));
    }

    @Test
    void refusesAnythingElse() {
        for (String bad : new String[]{"every 0m", "daily 25:00", "hourly", "every 10 s", "0 */5 * * *"}) {
            assertThrows(IllegalArgumentException.class, () -> ScheduleText.parse(bad, "Asia/Taipei"), bad);
        }
    }
}
