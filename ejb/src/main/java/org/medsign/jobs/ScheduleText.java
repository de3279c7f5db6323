package org.medsign.jobs;

import jakarta.ejb.ScheduleExpression;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the schedule texts of the configuration: {@code every 10m}, {@code every 2h}, {@code daily 02:30}, {@code off}. */
final class ScheduleText {

    private static final Pattern EVERY = Pattern.compile("every\\s+(\\d{1,2})\\s*([mh])");
    private static final Pattern DAILY = Pattern.compile("daily\\s+(\\d{1,2}):(\\d{2})");

    private ScheduleText() {
    }

    /** The calendar expression, or null for {@code off}; IllegalArgumentException for anything else. */
    static ScheduleExpression parse(String text, String timeZone) {
        String t = text == null ? "off" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("off")) {
            return null;
        }
        Matcher every = EVERY.matcher(t);
        if (every.matches() && Integer.parseInt(every.group(1)) > 0) {
            String step = "*/" + every.group(1);
            return every.group(2).equals("m")
                    ? new ScheduleExpression().hour("*").minute(step).second("0")
                    : new ScheduleExpression().hour(step).minute("0").second("0");
        }
        Matcher daily = DAILY.matcher(t);
        if (daily.matches() && Integer.parseInt(daily.group(1)) < 24 && Integer.parseInt(daily.group(2)) < 60) {
            return new ScheduleExpression().hour(daily.group(1)).minute(daily.group(2)).second("0")
                    .timezone(timeZone);
        }
        throw new IllegalArgumentException("schedule must be 'every Nm', 'every Nh', 'daily HH:mm' or 'off': " + text);
    }
}
