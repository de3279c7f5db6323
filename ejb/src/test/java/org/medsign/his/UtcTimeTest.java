package org.medsign.his;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

class UtcTimeTest {

    @Test
    void writesWhatTheReferenceFormatterWrites() {
        SplittableRandom random = new SplittableRandom(11);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(from, to), random.nextInt(1_000_000_000));
            assertEquals(UtcTime.reference(t), UtcTime.micros(t), t.toString());
        }
    }

    @Test
    void truncatesToMicrosecondsAndPadsEveryField() {
        assertEquals("2025-01-07T05:02:09.000001Z", UtcTime.micros(Instant.parse("2025-01-07T05:02:09.000001999Z")));
        assertEquals("1969-12-31T23:59:59.999999Z", UtcTime.micros(Instant.parse("1969-12-31T23:59:59.9999999Z")));
        assertEquals("0999-03-01T00:00:00.000000Z", UtcTime.micros(Instant.parse("0999-03-01T00:00:00Z")));
    }

    @Test
    void yearsBeyondFourDigitsFallBackToTheReference() {
        Instant far = Instant.parse("+12025-01-01T00:00:00Z");
        assertEquals(UtcTime.reference(far), UtcTime.micros(far));
    }
}
