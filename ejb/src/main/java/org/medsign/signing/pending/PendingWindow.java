package org.medsign.signing.pending;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneId;

/**
 * R1's window: records created or modified in the last {@code medsign.pending.window-months} months (default 2),
 * counted in the hospital's time zone. Older unsigned records are signed in the HIS.
 */
@ApplicationScoped
public class PendingWindow {

    @Inject
    @ConfigProperty(name = "medsign.pending.window-months", defaultValue = "2")
    int months;

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    /** The window outside the container (tests, tools). */
    public static PendingWindow of(int months, String timeZone) {
        PendingWindow window = new PendingWindow();
        window.months = months;
        window.timeZone = timeZone;
        return window;
    }

    public Instant start(Instant now) {
        return now.atZone(ZoneId.of(timeZone)).minusMonths(months).toInstant();
    }

    public boolean contains(Instant modifiedAt, Instant now) {
        return !modifiedAt.isBefore(start(now));
    }
}
