package org.medsign.signing.pending;

import org.medsign.signing.deadline.DeadlineState;

import java.time.Instant;

/**
 * One line of the pending list as M22 shows it: type, masked patient and chart number, creation and last
 * modification times, site, and the digest the phone signs; with the 24-hour deadline (due time and state), counted
 * from {@code createdAt}: a modification does not move it.
 */
public record PendingView(long recordId, int version, String recordType, String typeName, String patientMasked,
                          String chartNumber, String siteCode, String department, String author, Instant createdAt,
                          Instant modifiedAt, String digest, Instant dueAt, DeadlineState deadline) {

    /** 陳OO(2370974), as the manual prints it. */
    public String patientLabel() {
        return patientMasked + "(" + chartNumber + ")";
    }
}
