package org.medsign.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.error.MedsignException;
import org.medsign.his.WriteBackBacklog;
import org.medsign.kernel.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * When each job runs: persistent EJB calendar timers, rebuilt at every start from configuration
 * ({@code medsign.jobs.<job>.schedule}, and {@code medsign.jobs.unsigned-scan.full-schedule} for the nightly full
 * scan): {@code every 10m}, {@code every 1h}, {@code daily 02:30} or {@code off}. A timer that fires while its job
 * still runs starts nothing ({@link JobLauncher}); timers run without a caller. The HIS write-back's timer starts a
 * run only while marks wait, so its every-minute schedule leaves no trail of empty runs on 批次作業.
 * In a cluster the timers are the HA profile's distributed ones: each schedule fires on one node, the one that holds
 * its timer; {@link #firedHere()} tells which schedules fired on this node, which is all a node can know of it.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "HisStandIn"})
public class JobSchedule {

    private static final Logger LOG = Logger.getLogger(JobSchedule.class.getName());

    @Resource
    TimerService timers;

    @Inject
    Config config;

    @Inject
    JobLauncher launcher;

    @Inject
    Instance<WriteBackBacklog> writeBack;

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    @Inject
    @ConfigProperty(name = "medsign.jobs.catch-up-seconds", defaultValue = "20")
    long catchUpSeconds;

    /** Each persistent schedule ("job MODE") that fired on this node since it started, with its last firing. */
    private final Map<String, Instant> firedHere = new ConcurrentHashMap<>();

    @PostConstruct
    void schedule() {
        timers.getTimers().forEach(Timer::cancel);
        if (catchUpSeconds >= 0) {
            // Catch up after a (re)start: the first scan of a new install is full, later ones incremental.
            timers.createSingleActionTimer(catchUpSeconds * 1000 + 1, new TimerConfig(
                    new Planned(BatchJob.UNSIGNED_SCAN, "AUTO", "startup"), false));
        }
        for (BatchJob job : BatchJob.values()) {
            create(job, "AUTO", config.getOptionalValue("medsign.jobs." + job.jobName() + ".schedule", String.class)
                    .orElse(job.defaultSchedule()));
            if (job == BatchJob.UNSIGNED_SCAN) {
                create(job, "FULL", config.getOptionalValue("medsign.jobs.unsigned-scan.full-schedule", String.class)
                        .orElse(job.defaultFullSchedule()));
            }
        }
    }

    private void create(BatchJob job, String mode, String text) {
        ScheduleExpression expression = ScheduleText.parse(text, timeZone);
        if (expression != null) {
            timers.createCalendarTimer(expression, new TimerConfig(new Planned(job, mode, text), true));
            LOG.info(() -> "Scheduled " + job.jobName() + " (" + mode + "): " + text);
        }
    }

    @Timeout
    void fire(Timer timer) {
        if (timer.getInfo() instanceof Planned planned) {
            if (timer.isPersistent()) {
                firedHere.put(planned.job().jobName() + " " + planned.mode(), Instant.now());
            }
            if (planned.job() == BatchJob.HIS_WRITE_BACK && writeBack.isResolvable() && writeBack.get().waiting() == 0) {
                return;
            }
            try {
                launcher.start(planned.job(), planned.mode(), "timer");
            } catch (MedsignException e) {
                LOG.info(() -> planned.job().jobName() + " not started by its timer: " + e.getMessage());
            }
        }
    }

    /** The schedule of every job, for the 批次作業 page. */
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public List<Planned.View> schedules() {
        List<Planned.View> views = new ArrayList<>();
        for (Timer timer : timers.getTimers()) {
            if (timer.getInfo() instanceof Planned p && timer.isPersistent()) {
                views.add(new Planned.View(p.job().jobName(), p.mode(), p.text(), timer.getNextTimeout().toInstant()));
            }
        }
        views.sort(Comparator.comparing(Planned.View::job).thenComparing(Planned.View::mode));
        return views;
    }

    /** Whether a persistent timer of the job exists (the health of the schedule, for IT). */
    @PermitAll
    public boolean scheduled(String jobName) {
        return timers.getTimers().stream().anyMatch(t -> t.getInfo() instanceof Planned p && p.job().jobName().equals(jobName));
    }

    /**
     * The persistent schedules that fired on this node since it started ("job MODE" → the last firing here). The
     * timer service does not say which node holds a timer until it fires; a schedule missing here has either not
     * come due since this node started or fired on another node.
     */
    @PermitAll
    @Lock(LockType.READ)
    public Map<String, Instant> firedHere() {
        return Map.copyOf(firedHere);
    }

    /** A timer's payload: which job, in which mode, by which schedule text. */
    public record Planned(BatchJob job, String mode, String text) implements java.io.Serializable {

        /** A schedule as IT sees it. */
        public record View(String job, String mode, String text, Instant nextRun) {
        }
    }
}
