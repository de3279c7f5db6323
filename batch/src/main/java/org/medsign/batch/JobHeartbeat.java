package org.medsign.batch;

import jakarta.batch.api.chunk.listener.AbstractChunkListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.jobs.JobLock;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Shows, after a chunk, that this instance is alive, so its claim is not taken as a dead server's. At most every
 * {@value #EVERY_SECONDS} s per job: the claim goes stale after minutes, and a beat per chunk made every partition
 * thread queue on the one lock row and pay a commit for it.
 */
@Named
@Dependent
public class JobHeartbeat extends AbstractChunkListener {

    static final long EVERY_SECONDS = 15;
    /** Job instance → when it last beat (System.nanoTime); one entry per job name, replaced by its next instance. */
    private static final Map<String, long[]> LAST = new ConcurrentHashMap<>();

    @Inject
    JobContext job;

    @Inject
    JobLock lock;

    @Override
    public void afterChunk() {
        long now = System.nanoTime();
        long instance = job.getInstanceId();
        long[] last = LAST.get(job.getJobName());
        if (last != null && last[0] == instance && now - last[1] < TimeUnit.SECONDS.toNanos(EVERY_SECONDS)) {
            return;
        }
        LAST.put(job.getJobName(), new long[]{instance, now});
        lock.heartbeat(job.getJobName(), instance);
    }
}
