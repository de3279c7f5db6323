package org.medsign.batch.scan;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.his.HisRecord;
import org.medsign.signing.pending.PendingEntry;
import org.medsign.signing.pending.PendingScan;
import org.medsign.signing.pending.ScanPlan;

/**
 * Turns a checked HIS record into its index entry (masked patient, digest of the canonical bytes), or into
 * "not pending" when it is signed or outside the window.
 */
@Named
@Dependent
public class ScanProcessor implements ItemProcessor {

    @Inject
    JobContext job;

    @Inject
    PendingScan scan;

    private ScanPlan plan;

    @Override
    public Object processItem(Object item) {
        ScanItem scanItem = (ScanItem) item;
        if (scanItem.record() == null) {
            return scanItem;
        }
        if (plan == null) {
            plan = scan.plan(job.getInstanceId(), null);
        }
        HisRecord record = scanItem.record();
        return scanItem.withEntry(plan.includes(record) ? PendingEntry.of(record) : null);
    }
}
