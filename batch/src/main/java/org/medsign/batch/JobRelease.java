package org.medsign.batch;

import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.jobs.JobLock;

/** Frees the job's claim when this instance ends, however it ends (a refused instance holds none to free). */
@Named
@Dependent
public class JobRelease extends AbstractJobListener {

    @Inject
    JobContext job;

    @Inject
    JobLock lock;

    @Override
    public void afterJob() {
        lock.release(job.getJobName(), job.getInstanceId());
    }
}
