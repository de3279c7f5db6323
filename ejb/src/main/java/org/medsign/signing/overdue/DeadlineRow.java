package org.medsign.signing.overdue;

import java.time.Instant;

/**
 * Approaching and overdue counts of one person or one department (key), how many overdue versions carry the
 * institution's signature awaiting 補簽, and the earliest due time.
 */
public record DeadlineRow(String key, String siteCode, long approaching, long overdue, long institutionSigned,
                          Instant earliestDue) {
}
