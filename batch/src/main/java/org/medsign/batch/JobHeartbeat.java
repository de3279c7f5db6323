package org.medsign.batch;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.jobs.JobLock;

/** Shows after every chunk that this instance is alive, so its claim is not taken as a dead server's. */
@Named
@Dependent
public class JobHeartbeat extends AbstractChunkListener {

    @Inject
    JobContext job;

    @Inject
    JobLock lock;

    @Override
    public void afterChunk() {
        lock.heartbeat(job.getJobName(), job.getInstanceId());
    }
}
