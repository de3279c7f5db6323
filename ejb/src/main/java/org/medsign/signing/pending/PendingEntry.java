package org.medsign.signing.pending;

import org.medsign.his.HisRecord;
import org.medsign.privacy.Masking;

import java.time.Instant;

/** What the index holds of one unsigned HIS record version: identifiers, masked patient and the digest to sign. */
public record PendingEntry(long recordId, int version, String author, String siteCode, String department,
                           String recordType, String typeName, String chartNumber, String patientMasked,
                           Instant createdAt, Instant modifiedAt, String digest) {

    public static PendingEntry of(HisRecord r) {
        return new PendingEntry(r.id(), r.version(), r.author(), r.siteCode(), r.department(), r.recordType(),
                r.typeName(), r.chartNumber(), Masking.name(r.patientName()), r.createdAt(), r.modifiedAt(),
                r.canonical().digestHex());
    }

    boolean sameAs(int otherVersion, String otherDigest, Instant otherModified) {
        return version == otherVersion && digest.equals(otherDigest) && modifiedAt.equals(otherModified);
    }

    @Override
    public String toString() {
        return "PendingEntry[record=" + recordId + ", version=" + version + ", author=" + author + "]";
    }
}
