package org.medsign.batch.scan;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.pending.PendingIndexWriter;
import org.medsign.signing.pending.PendingScan;
import org.medsign.signing.pending.ScanPlan;

/** Drops the rows that left the window (R1) and records the run: after a full scan, the watermark restarts. */
@Named
@Dependent
public class ScanFinisher extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    PendingScan scan;

    @Inject
    PendingIndexWriter index;

    @Override
    public String process() {
        ScanPlan plan = scan.plan(job.getInstanceId(), null);
        int dropped = index.dropBefore(plan.windowStart());
        scan.finished(plan);
        return plan.mode().name() + " DONE, " + dropped + " left the window";
    }
}
