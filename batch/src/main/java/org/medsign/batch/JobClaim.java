package org.medsign.batch;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.error.ErrorCode;
import org.medsign.jobs.JobLock;

/**
 * The first step of every job: claims the job for this instance. When another live instance holds it the step
 * ends with exit status MS-6002 and the job XML ends the job there, having done nothing.
 */
@Named
@Dependent
public class JobClaim extends AbstractBatchlet {

    public static final String CLAIMED = "CLAIMED";

    @Inject
    JobContext job;

    @Inject
    JobLock lock;

    @Override
    public String process() {
        if (lock.claim(job.getJobName(), job.getInstanceId(), job.getExecutionId())) {
            return CLAIMED;
        }
        job.setExitStatus(ErrorCode.JOB_ALREADY_RUNNING.code());
        return ErrorCode.JOB_ALREADY_RUNNING.code();
    }
}
