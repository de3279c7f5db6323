package org.medsign.signing.overdue;

import java.time.Instant;

/**
 * A pending record version that passed the 24-hour deadline unsigned, handed over once by the signing-deadline
 * job. {@code org.medsign.institution.InstitutionSigner} observes {@link Batch} and signs these records with the
 * hospital's institution certificate (醫事機構憑證) when the hospital turns that on; the author still signs (補簽).
 */
public record OverdueRecord(long recordId, int version, String author, String siteCode, String department,
                            Instant createdAt, String digest) {

    /** The overdue records of one chunk, fired as a CDI event inside the chunk's transaction. */
    public record Batch(java.util.List<OverdueRecord> records) {
    }
}
