package org.medsign.signing;

import java.time.Instant;

/** Approaching and overdue counts of one person or one department (key), with the earliest due time. */
public record DeadlineRow(String key, String siteCode, long approaching, long overdue, Instant earliestDue) {
}
