package org.medsign.reminder;

import org.medsign.signing.overdue.DeadlineSummary;

/** One person's digest to send: where it goes and what it says (masked names only). */
public record ReminderDigest(String employeeNumber, String email, DeadlineSummary summary) {
}
