package org.medsign.his;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Instants as UTC ISO-8601 text with exactly six fraction digits and a {@code Z} ({@code 2025-01-17T05:22:00.000000Z}):
 * the canonical bytes' time format, which PostgreSQL and H2 also read as a timestamp. Written by hand because the
 * scan formats millions of them and DateTimeFormatter costs several times more; the formatter stays the reference
 * and the fallback for years outside 0000–9999.
 */
public final class UtcTime {

    private static final DateTimeFormatter REFERENCE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private UtcTime() {
    }

    /** The instant truncated to microseconds. */
    public static String micros(Instant instant) {
        long seconds = instant.getEpochSecond();
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400));
        if (date.getYear() < 0 || date.getYear() > 9999) {
            return reference(instant);
        }
        int second = (int) Math.floorMod(seconds, 86_400);
        char[] text = new char[27];
        digits(text, 0, date.getYear(), 4);
        text[4] = '-';
        digits(text, 5, date.getMonthValue(), 2);
        text[7] = '-';
        digits(text, 8, date.getDayOfMonth(), 2);
        text[10] = 'T';
        digits(text, 11, second / 3600, 2);
        text[13] = ':';
        digits(text, 14, second / 60 % 60, 2);
        text[16] = ':';
        digits(text, 17, second % 60, 2);
        text[19] = '.';
        digits(text, 20, instant.getNano() / 1000, 6);
        text[26] = 'Z';
        return new String(text);
    }

    static String reference(Instant instant) {
        return REFERENCE.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static void digits(char[] text, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
