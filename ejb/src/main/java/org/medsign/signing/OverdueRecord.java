package org.medsign.signing;

import java.time.Instant;

/**
 * A pending record version that passed the 24-hour deadline unsigned, handed over once by the signing-deadline
 * job. The seam for institution signing (醫事機構憑證): an observer of {@link Batch} can sign these records with the
 * hospital's certificate when the hospital turns that on; the author still signs afterwards (補簽).
 * No observer exists yet: that belongs to the certificate and signing work.
 */
public record OverdueRecord(long recordId, int version, String author, String siteCode, String department,
                            Instant createdAt, String digest) {

    /** The overdue records of one chunk, fired as a CDI event inside the chunk's transaction. */
    public record Batch(java.util.List<OverdueRecord> records) {
    }
}
