package org.medsign.signing.api;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ValidationTimeTest {

    @Test
    void anInstantOrADateInTaiwansTime() {
        assertNull(ValidationTime.parse(null));
        assertNull(ValidationTime.parse(" "));
        assertEquals(Instant.parse("2033-12-05T01:02:03Z"), ValidationTime.parse("2033-12-05T01:02:03Z"));
        assertEquals(Instant.parse("2033-12-04T16:00:00Z"), ValidationTime.parse("2033-12-05"));
    }

    @Test
    void anythingElseIsACodedRefusal() {
        for (String bad : new String[]{"2033-13-01", "tomorrow", "1999-12-31", "2200-01-02", "2033-12-05T01:02:03",
                "+10000-01-01T00:00:00Z", "2033-12-05'; --"}) {
            assertEquals(ErrorCode.INVALID_INPUT, assertThrows(MedsignException.class, () -> ValidationTime.parse(bad))
                    .errorCode(), bad);
        }
    }
}
