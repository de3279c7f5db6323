package org.medsign.signing.deadline;

/** Where a pending record stands against the 24-hour signing rule. */
public enum DeadlineState {
    /** More than the warning time left. */
    IN_TIME,
    /** Due within the warning time (default 4 hours). */
    APPROACHING,
    /** Past 24 hours after creation: needs a delay reason when signed (補簽). */
    OVERDUE
}
