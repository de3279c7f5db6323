package org.medsign.credential;

import java.io.Serializable;
import java.time.Instant;

/** A certificate whose owner is due the reminder of a stage (60, 30 or 7 days before notAfter). */
public record ExpiryReminder(long certificateId, String serial, String owner, Instant notAfter, int stage)
        implements Serializable {
}
