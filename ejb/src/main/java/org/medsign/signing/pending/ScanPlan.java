package org.medsign.signing.pending;

import org.medsign.his.HisRecord;

import java.time.Instant;

/** What one unsigned-scan job instance does: FULL walks the window by day, INCREMENTAL the HIS changes. */
public record ScanPlan(long jobInstanceId, Mode mode, Instant windowStart, Instant windowEnd, Instant startedAt) {

    public enum Mode { FULL, INCREMENTAL }

    /** Whether a record read from the HIS belongs in the index under this plan: unsigned and in the window. */
    public boolean includes(HisRecord record) {
        return record.unsigned() && !record.modifiedAt().isBefore(windowStart);
    }
}
