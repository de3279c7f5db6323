package org.medsign.jobs;

import java.time.Instant;

/** One execution of a job as the 批次作業 page lists it. */
public record JobRun(long executionId, long instanceId, String jobName, String mode, String batchStatus,
                     String exitStatus, Instant startTime, Instant endTime, long readCount, long writeCount,
                     long skipCount, String failureReason, boolean running, boolean restartable) {

    /** The batch status, and the exit status only when the job set one of its own (unset, it repeats the status). */
    public String outcome() {
        return exitStatus == null || exitStatus.isBlank() || exitStatus.equals(batchStatus) ? batchStatus
                : batchStatus + " (" + exitStatus + ")";
    }

    /** The run in one line, as JMX shows a job's last run: "COMPLETED at … (read 10, written 9, skipped 1)". */
    public String summary() {
        return outcome() + " at " + startTime + " (read " + readCount + ", written " + writeCount + ", skipped "
                + skipCount + ")";
    }
}
