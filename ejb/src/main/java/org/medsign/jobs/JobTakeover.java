package org.medsign.jobs;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.batch.operations.JobOperator;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.ops.ClusterView;

import javax.management.JMException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * In a cluster, a run whose node died is finished by a survivor: every node looks at the job claims every
 * {@code medsign.jobs.takeover-check-seconds} (a node-local timer, so each node looks), and restarts from its
 * checkpoints a run claimed by a node that is no longer in its cluster view and whose heartbeat is older than
 * {@code medsign.jobs.takeover-grace-seconds} (a member cut off by a network partition but still working beats on).
 * The claim row moves to the taker with one conditional UPDATE, so of several survivors one restarts it.
 * On the single-node profile there is no view and no take-over: after a crash IT restarts the run (批次作業).
 */
@Singleton
@Startup
@DependsOn("JobSchedule")
@PermitAll
public class JobTakeover {

    private static final Logger LOG = Logger.getLogger(JobTakeover.class.getName());

    @Resource
    TimerService timers;

    @Inject
    JobLock lock;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.jobs.takeover-check-seconds", defaultValue = "10")
    long checkSeconds;

    @Inject
    @ConfigProperty(name = "medsign.jobs.takeover-grace-seconds", defaultValue = "30")
    long graceSeconds;

    @PostConstruct
    void watch() {
        if (checkSeconds > 0) {
            timers.createIntervalTimer(checkSeconds * 1000, checkSeconds * 1000, new TimerConfig("job-takeover", false));
        }
    }

    @Timeout
    void check() {
        Optional<List<String>> view;
        try {
            view = ClusterView.view();
        } catch (JMException | RuntimeException e) {
            LOG.warning(() -> "No job take-over: the cluster view cannot be read: " + e);
            return;
        }
        if (view.isEmpty()) {
            return;
        }
        Instant quiet = Instant.now().minusSeconds(graceSeconds);
        for (JobLock.Claim claim : lock.held()) {
            if (!view.get().contains(claim.node()) && claim.heartbeat().isBefore(quiet) && lock.takeOver(claim)) {
                restart(claim);
            }
        }
    }

    private void restart(JobLock.Claim claim) {
        JobOperator operator = JobLauncher.operator();
        String me = ClusterView.nodeName();
        try {
            long id = operator.restart(claim.executionId(), operator.getJobExecution(claim.executionId()).getJobParameters());
            lock.continuedAs(claim.job(), claim.instanceId(), id);
            LOG.warning(() -> claim.job() + " run " + claim.executionId() + " of " + claim.node()
                    + ", which left the cluster, restarted here as run " + id);
            audit.record(new AuditRecord(AuditAction.JOB_RESTARTED, AuditOutcome.SUCCESS, "takeover",
                    claim.job() + " run " + claim.executionId() + " as " + id, null, null,
                    "taken over by " + me + " from " + claim.node() + ", which left the cluster"));
        } catch (RuntimeException e) {
            // not restartable (e.g. it ended as the node died): the claim is freed, the next run starts anew
            LOG.log(Level.WARNING, claim.job() + " run " + claim.executionId() + " of " + claim.node()
                    + " could not be restarted here; its claim is freed", e);
            lock.release(claim.job(), claim.instanceId());
        }
    }
}
