package org.medsign.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times on pages as the hospital writes them (2025/01/17 13:22), in the hospital's time zone. */
@Named
@ApplicationScoped
public class PortalTime {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm");

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    public String format(Instant instant) {
        return format(instant, zone());
    }

    /** The hospital's time zone, in which the pages' dates (a search from a day to a day) are meant. */
    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    static String format(Instant instant, ZoneId zone) {
        return instant == null ? "—" : FORMAT.format(instant.atZone(zone));
    }
}
