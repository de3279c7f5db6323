package org.medsign.jobs;

import java.time.Instant;

/** One execution of a job as the 批次作業 page lists it. */
public record JobRun(long executionId, long instanceId, String jobName, String mode, String batchStatus,
                     String exitStatus, Instant startTime, Instant endTime, long readCount, long writeCount,
                     long skipCount, String failureReason, boolean running, boolean restartable) {
}
