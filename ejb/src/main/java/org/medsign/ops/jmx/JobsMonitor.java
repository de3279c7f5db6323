package org.medsign.ops.jmx;

import org.medsign.jobs.BatchJob;
import org.medsign.jobs.JobRun;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs' figures. The watch alerts once for each job whose latest run ended FAILED since this server started
 * (earlier failures were the previous start's to report; 批次作業 lists them all). Two runs of one job ending
 * within one watch are rare, as each job holds a lock while it runs.
 */
public class JobsMonitor extends AreaMonitor implements JobsMXBean {

    /**
     * The jobs whose failures alert. Not his-write-back: while the HIS is down each of its minutely runs fails, and
     * the backlog-growing alert already says so once.
     */
    public static final List<String> JOBS = Arrays.stream(BatchJob.values()).filter(j -> j != BatchJob.HIS_WRITE_BACK)
            .map(BatchJob::jobName).toList();

    private final MonitoredServices services;
    private final GrowthWatch backlog;
    private final Instant watchingSince = Instant.now();
    /** Per job, the failed run already alerted. */
    private final Map<String, Long> alerted = new HashMap<>();

    JobsMonitor(MonitoredServices services, int backlogGrowthWatches) {
        super("Jobs", services.audit(), services.latencies(),
                alertInfo(JOB_FAILED, "A batch job's run failed"),
                alertInfo(WRITE_BACK_BACKLOG_GROWING, "The HIS write-back backlog keeps growing"));
        this.services = services;
        this.backlog = new GrowthWatch(backlogGrowthWatches);
    }

    @Override
    protected void watch(Instant now) {
        for (String job : JOBS) {
            JobRun run = services.jobs().lastRun(job);
            if (run != null && failedSinceStart(run) && !Long.valueOf(run.executionId()).equals(alerted.get(job))) {
                alerted.put(job, run.executionId());
                alert(JOB_FAILED, job + " run " + run.executionId() + " " + run.outcome() + " at " + run.endTime()
                        + "; its reason is on 批次作業");
            }
        }
        long waiting = getHisWriteBackBacklog();
        if (waiting >= 0 && backlog.grewSteadily(waiting)) {
            alert(WRITE_BACK_BACKLOG_GROWING, waiting + " signed states wait to be written back to the HIS, more at"
                    + " each watch: is the HIS reachable?");
        }
    }

    private boolean failedSinceStart(JobRun run) {
        return !run.running() && "FAILED".equals(run.batchStatus()) && run.endTime() != null
                && !run.endTime().isBefore(watchingSince);
    }

    @Override
    public String getUnsignedScanLastRun() {
        return lastRun("unsigned-scan");
    }

    @Override
    public String getSigningDeadlineLastRun() {
        return lastRun("signing-deadline");
    }

    @Override
    public String getSigningRemindersLastRun() {
        return lastRun("signing-reminders");
    }

    @Override
    public String getCredentialUpkeepLastRun() {
        return lastRun("credential-upkeep");
    }

    @Override
    public String getLongTermEvidenceLastRun() {
        return lastRun("long-term-evidence");
    }

    @Override
    public long getLongTermBacklog() {
        return services.longTerm().backlog().count();
    }

    @Override
    public long getLongTermBacklogAgeSeconds() {
        return services.longTerm().backlog().ageSeconds(Instant.now());
    }

    @Override
    public long getHisWriteBackBacklog() {
        return services.writeBack().isResolvable() ? services.writeBack().get().waiting() : -1;
    }

    @Override
    public long getHisWriteBackAgeSeconds() {
        return services.writeBack().isResolvable() ? services.writeBack().get().oldestAgeSeconds() : -1;
    }

    @Override
    public long startUnsignedScan(String mode) {
        return services.jobs().startFromJmx("unsigned-scan", mode == null || mode.isBlank() ? "INCREMENTAL" : mode);
    }

    /** Whether the job's latest run ended FAILED. */
    public boolean lastRunFailed(String job) {
        JobRun run = services.jobs().lastRun(job);
        return run != null && !run.running() && "FAILED".equals(run.batchStatus());
    }

    private String lastRun(String job) {
        JobRun run = services.jobs().lastRun(job);
        return run == null ? "never run" : run.summary();
    }
}
