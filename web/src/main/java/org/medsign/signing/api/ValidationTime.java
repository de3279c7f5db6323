package org.medsign.signing.api;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The verification report's {@code asOf}: an ISO-8601 instant, or a date taken at midnight in Taiwan's time. */
final class ValidationTime {

    private static final ZoneId TAIWAN = ZoneId.of("Asia/Taipei");
    /** Far enough for any retention period and no further: a typo of a year is a refusal, not a report. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("2200-01-01T00:00:00Z");

    private ValidationTime() {
    }

    /** Null (now) when absent; MS-1003 when it is neither, or out of range. */
    static Instant parse(String asOf) {
        if (asOf == null || asOf.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = asOf.length() == 10 ? LocalDate.parse(asOf).atStartOfDay(TAIWAN).toInstant() : Instant.parse(asOf);
        } catch (DateTimeException e) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "asOf");
        }
        if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "asOf");
        }
        return at;
    }
}
