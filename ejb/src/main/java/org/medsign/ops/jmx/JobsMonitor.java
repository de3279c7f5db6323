package org.medsign.ops.jmx;

import org.medsign.jobs.JobRun;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The jobs' figures. The watch alerts for each run that ended FAILED since the previous watch (a job's latest
 * run: two runs of one job within one watch are rare, as each job holds a lock while it runs).
 */
public class JobsMonitor extends AreaMonitor implements JobsMXBean {

    public static final List<String> JOBS = List.of("unsigned-scan", "signing-deadline", "signing-reminders", "credential-upkeep");

    private final MonitoredServices services;
    private final GrowthWatch backlog;
    /** Per job, the newest execution already judged (finished, alerted or not); absent before the first watch. */
    private final Map<String, Long> judged = new HashMap<>();

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
            if (run == null) {
                judged.putIfAbsent(job, 0L);
                continue;
            }
            Long before = judged.get(job);
            if (run.running()) {
                // judged up to the run before: its end is judged at a later watch
                judged.put(job, Math.max(before == null ? 0 : before, run.executionId() - 1));
                continue;
            }
            if (before != null && run.executionId() > before && "FAILED".equals(run.batchStatus())) {
                alert(JOB_FAILED, job + " run " + run.executionId() + " " + run.outcome() + " at " + run.startTime()
                        + "; its reason is on 批次作業");
            }
            judged.put(job, run.executionId());
        }
        long waiting = getHisWriteBackBacklog();
        if (waiting >= 0 && backlog.grewSteadily(waiting)) {
            alert(WRITE_BACK_BACKLOG_GROWING, waiting + " signed states wait to be written back to the HIS, more at"
                    + " each watch: is the HIS reachable?");
        }
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
    public long getHisWriteBackBacklog() {
        return services.writeBack().isResolvable() ? services.writeBack().get().waiting() : -1;
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
