package org.medsign.batch.scan;

import org.medsign.his.HisRecord;
import org.medsign.his.RecordKey;
import org.medsign.signing.pending.PendingEntry;

/**
 * One item of the scan: a checked HIS record as read, then (after processing) the index entry it makes, or none
 * when the record does not belong in the index. {@code end} marks the last item of a day partition, after which
 * the writer sweeps the rest of the day; a day whose last row was skipped gets an item without a record.
 */
record ScanItem(RecordKey key, HisRecord record, PendingEntry entry, boolean end) {

    static ScanItem read(RecordKey key, HisRecord record, boolean last) {
        return new ScanItem(key, record, null, last);
    }

    static ScanItem end(RecordKey key) {
        return new ScanItem(key, null, null, true);
    }

    ScanItem withEntry(PendingEntry pending) {
        return new ScanItem(key, null, pending, end);
    }
}
