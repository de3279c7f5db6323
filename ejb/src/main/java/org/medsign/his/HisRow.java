package org.medsign.his;

import java.time.Instant;

/**
 * One HIS record row exactly as the HIS holds it, fields possibly missing or wrong (the HIS is another system).
 * {@link HisRecord#of(HisRow)} turns it into a checked record. {@code toString} leaves out personal data.
 */
public record HisRow(long id, String chartNumber, String patientName, String recordType, String typeName,
                     String author, String siteCode, String department, Instant createdAt, Instant modifiedAt,
                     int version, String content, Integer signedVersion, Instant changedAt) {

    /** Position of this row in a walk by modified time. */
    public RecordKey modifiedKey() {
        return new RecordKey(modifiedAt, id);
    }

    /** Position of this row in a walk by changed time (the incremental watermark). */
    public RecordKey changedKey() {
        return new RecordKey(changedAt, id);
    }

    public boolean unsigned() {
        return signedVersion == null || signedVersion != version;
    }

    @Override
    public String toString() {
        return "HisRow[id=" + id + ", version=" + version + ", type=" + recordType + ", author=" + author + "]";
    }
}
