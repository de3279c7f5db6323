package org.medsign.signing.overdue;

/** One version of an HIS record, as the pending index and the institution's signatures name it. */
public record RecordVersion(long recordId, int version) {
}
