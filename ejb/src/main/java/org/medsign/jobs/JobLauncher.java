package org.medsign.jobs;

import jakarta.batch.operations.JobOperator;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.Properties;
import java.util.logging.Logger;

/**
 * Starts job instances for IT's page and for the timers. A job that still runs is not started again
 * (MS-6002); the job's own claim step is the final word when two starts race.
 */
@ApplicationScoped
public class JobLauncher {

    private static final Logger LOG = Logger.getLogger(JobLauncher.class.getName());

    @Inject
    JobLock lock;

    public long start(BatchJob job, String mode, String startedBy) {
        if (!lock.free(job.jobName(), -1)) {
            throw new MedsignException(ErrorCode.JOB_ALREADY_RUNNING, job.jobName());
        }
        Properties parameters = new Properties();
        parameters.setProperty("mode", mode == null ? "AUTO" : mode);
        parameters.setProperty("startedBy", startedBy);
        long id = operator().start(job.jobName(), parameters);
        LOG.info(() -> "Started " + job.jobName() + " (" + parameters.getProperty("mode") + ") as run " + id + " for " + startedBy);
        return id;
    }

    static JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }
}
