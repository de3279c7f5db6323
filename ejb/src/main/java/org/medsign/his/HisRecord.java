package org.medsign.his;

import java.time.Instant;

/**
 * An HIS record (病歷) that passed the checks medsign needs to list and sign it. {@code toString} leaves out
 * the patient's name and the content.
 */
public record HisRecord(long id, String chartNumber, String patientName, String recordType, String typeName,
                        String author, String siteCode, String department, Instant createdAt, Instant modifiedAt,
                        int version, String content, Integer signedVersion) {

    private static final int MAX_CODE = 24;

    /** Checks a raw row; throws {@link MalformedHisRecordException} naming what is wrong. */
    public static HisRecord of(HisRow row) {
        long id = row.id();
        require(id, code(row.chartNumber()), "chart number missing or invalid");
        require(id, row.patientName() != null && !row.patientName().isBlank(), "no patient for the chart number");
        require(id, code(row.recordType()) && row.typeName() != null, "unknown record type");
        require(id, code(row.author()), "author missing or invalid");
        require(id, code(row.siteCode()), "site missing or invalid");
        require(id, row.department() == null || code(row.department()), "department invalid");
        require(id, row.version() >= 1, "version below 1");
        require(id, row.content() != null, "no content");
        require(id, !row.modifiedAt().isBefore(row.createdAt()), "modified before created");
        return new HisRecord(id, row.chartNumber(), row.patientName(), row.recordType(), row.typeName(), row.author(),
                row.siteCode(), row.department(), row.createdAt(), row.modifiedAt(), row.version(), row.content(),
                row.signedVersion());
    }

    private static boolean code(String value) {
        if (value == null || value.isBlank() || value.length() > MAX_CODE) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < 0x20) {
                return false;
            }
        }
        return true;
    }

    private static void require(long id, boolean condition, String reason) {
        if (!condition) {
            throw new MalformedHisRecordException(id, reason);
        }
    }

    public boolean unsigned() {
        return signedVersion == null || signedVersion != version;
    }

    public CanonicalRecord canonical() {
        return CanonicalRecord.of(this);
    }

    @Override
    public String toString() {
        return "HisRecord[id=" + id + ", version=" + version + ", type=" + recordType + ", author=" + author + "]";
    }
}
