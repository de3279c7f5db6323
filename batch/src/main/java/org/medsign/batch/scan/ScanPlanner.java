package org.medsign.batch.scan;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.pending.PendingScan;

/** Fixes this instance's plan (mode and window) and answers FULL or INCREMENTAL for the job XML to branch on. */
@Named
@Dependent
public class ScanPlanner extends AbstractBatchlet {

    @Inject
    JobContext job;

    @Inject
    PendingScan scan;

    @Inject
    @BatchProperty
    String mode;

    @Override
    public String process() {
        return scan.plan(job.getInstanceId(), mode).mode().name();
    }
}
