package org.medsign.ops.jmx;

/**
 * {@code org.medsign:type=Jobs}: each batch job's last run, the HIS write-back backlog and its age, the long-term
 * evidence backlog and its age, and starting a scan now.
 * Notifications: {@value #JOB_FAILED}, {@value #WRITE_BACK_BACKLOG_GROWING}.
 */
public interface JobsMXBean {

    /** A run of a batch job ended FAILED (批次作業 shows its reason; restart it there). */
    String JOB_FAILED = "medsign.job.failed";

    /** The HIS write-back backlog grew at each of the last {@code medsign.monitoring.backlog-growth-watches} watches. */
    String WRITE_BACK_BACKLOG_GROWING = "medsign.his.write-back-backlog-growing";

    String getUnsignedScanLastRun();

    String getSigningDeadlineLastRun();

    String getSigningRemindersLastRun();

    String getCredentialUpkeepLastRun();

    String getLongTermEvidenceLastRun();

    /** Stored signatures past their revocation grace period still at CAdES-T, waiting for their validation data. */
    long getLongTermBacklog();

    /** Seconds since the oldest of them was timestamped; 0 when none waits. */
    long getLongTermBacklogAgeSeconds();

    /**
     * Signed states waiting to be written back to the HIS (it was unreachable when they were signed; the
     * his-write-back job writes them when it answers again); -1 where this server has no write-back queue.
     */
    long getHisWriteBackBacklog();

    /** Seconds since the oldest waiting signed state was stored (0 when none waits); -1 without a queue. */
    long getHisWriteBackAgeSeconds();

    /** Starts the unsigned-record scan (INCREMENTAL or FULL); answers the run's execution id (audited). */
    long startUnsignedScan(String mode);
}
