package org.medsign.jobs;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.JobSecurityException;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.operations.NoSuchJobExecutionException;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/**
 * 批次作業 for IT: the runs of each job with their counts and failure reasons, and start, stop and restart.
 * Every action is audited with the IT person's employee number.
 */
@Stateless
@RolesAllowed(Role.IT_ADMIN_NAME)
public class JobControl {

    @Resource
    SessionContext caller;

    @Inject
    JobLauncher launcher;

    @Inject
    JobLock lock;

    @Inject
    JobNotes notes;

    @Inject
    AuditLog audit;

    /** The latest runs of a job, newest first (a restart is a run of the same instance). */
    public List<JobRun> runs(String jobName, int max) {
        return runs(jobName, max, true);
    }

    private List<JobRun> runs(String jobName, int max, boolean withReasons) {
        job(jobName);
        JobOperator operator = JobLauncher.operator();
        List<JobRun> runs = new ArrayList<>();
        try {
            for (JobInstance instance : operator.getJobInstances(jobName, 0, max)) {
                List<JobExecution> executions = operator.getJobExecutions(instance);
                for (int i = executions.size() - 1; i >= 0 && runs.size() < max; i--) {
                    runs.add(run(operator, instance, executions.get(i), i == executions.size() - 1, withReasons));
                }
            }
        } catch (NoSuchJobException e) {
            return List.of();
        }
        runs.sort((a, b) -> Long.compare(b.executionId(), a.executionId()));
        return runs.size() > max ? runs.subList(0, max) : runs;
    }

    /** The latest run of a job, for IT's JMX monitoring (WildFly's management security guards JMX callers). */
    @jakarta.annotation.security.PermitAll
    public JobRun lastRun(String jobName) {
        // without the failure reason: the job notes are IT's (role-checked), and the one-line summary never shows it
        List<JobRun> latest = runs(jobName, 1, false);
        return latest.isEmpty() ? null : latest.get(0);
    }

    /** Starts a job from JMX (IT's monitoring console); audited as "jmx". */
    @jakarta.annotation.security.PermitAll
    public long startFromJmx(String jobName, String mode) {
        long id = launcher.start(job(jobName), mode, "jmx");
        audit.record(new AuditRecord(AuditAction.JOB_STARTED, org.medsign.audit.AuditOutcome.SUCCESS, "jmx", jobName,
                null, null, "run " + id + " mode " + mode));
        return id;
    }

    public long start(String jobName, String mode) {
        BatchJob job = job(jobName);
        try {
            long id = launcher.start(job, mode, me());
            audit.record(new AuditRecord(AuditAction.JOB_STARTED, org.medsign.audit.AuditOutcome.SUCCESS, me(), jobName,
                    null, null, "run " + id + " mode " + mode));
            return id;
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.JOB_STARTED, me(), jobName, e.errorCode(), null));
            throw e;
        }
    }

    public void stop(long executionId) {
        JobExecution execution = execution(executionId);
        if (execution.getBatchStatus() != BatchStatus.STARTED && execution.getBatchStatus() != BatchStatus.STARTING) {
            audit.record(AuditRecord.failure(AuditAction.JOB_STOPPED, me(), execution.getJobName(),
                    ErrorCode.JOB_NOT_RUNNING, null));
            throw new MedsignException(ErrorCode.JOB_NOT_RUNNING, executionId);
        }
        JobLauncher.operator().stop(executionId);
        audit.record(AuditRecord.success(AuditAction.JOB_STOPPED, me(), execution.getJobName() + " run " + executionId, null));
    }

    /** Restarts a failed or stopped run (also one left STARTED by a crashed server) from its last checkpoint. */
    public long restart(long executionId) {
        JobOperator operator = JobLauncher.operator();
        JobExecution execution = execution(executionId);
        JobInstance instance = operator.getJobInstance(executionId);
        try {
            if (!lock.free(execution.getJobName(), instance.getInstanceId())) {
                throw new MedsignException(ErrorCode.JOB_ALREADY_RUNNING, execution.getJobName());
            }
            long id;
            try {
                id = operator.restart(executionId, execution.getJobParameters());
            } catch (JobSecurityException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new MedsignException(ErrorCode.JOB_NOT_RESTARTABLE, executionId);
            }
            audit.record(AuditRecord.success(AuditAction.JOB_RESTARTED, me(),
                    execution.getJobName() + " run " + executionId + " as " + id, null));
            return id;
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.JOB_RESTARTED, me(), execution.getJobName(), e.errorCode(), null));
            throw e;
        }
    }

    public List<JobNotes.JobNote> notes(long executionId, int max) {
        return notes.of(executionId, max);
    }

    private JobRun run(JobOperator operator, JobInstance instance, JobExecution e, boolean latest, boolean withReason) {
        long read = 0;
        long written = 0;
        long skipped = 0;
        for (StepExecution step : operator.getStepExecutions(e.getExecutionId())) {
            for (Metric m : step.getMetrics()) {
                switch (m.getType()) {
                    case READ_COUNT -> read += m.getValue();
                    case WRITE_COUNT -> written += m.getValue();
                    case READ_SKIP_COUNT, PROCESS_SKIP_COUNT, WRITE_SKIP_COUNT -> skipped += m.getValue();
                    default -> { }
                }
            }
        }
        BatchStatus status = e.getBatchStatus();
        String failure = null;
        if (status == BatchStatus.FAILED && withReason) {
            failure = notes.of(e.getExecutionId(), 50).stream().filter(n -> JobNotes.FAILURE.equals(n.kind()))
                    .map(n -> "[" + n.errorCode() + "] " + n.reason()).findFirst().orElse(null);
        }
        Properties parameters = e.getJobParameters();
        boolean running = status == BatchStatus.STARTED || status == BatchStatus.STARTING || status == BatchStatus.STOPPING;
        boolean restartable = latest && (status == BatchStatus.FAILED || status == BatchStatus.STOPPED || running);
        return new JobRun(e.getExecutionId(), instance.getInstanceId(), e.getJobName(),
                parameters == null ? null : parameters.getProperty("mode"), status.name(), e.getExitStatus(),
                instant(e.getStartTime()), instant(e.getEndTime()), read, written, skipped, failure, running, restartable);
    }

    private JobExecution execution(long executionId) {
        try {
            return JobLauncher.operator().getJobExecution(executionId);
        } catch (NoSuchJobExecutionException e) {
            throw new MedsignException(ErrorCode.JOB_UNKNOWN, executionId);
        }
    }

    private static BatchJob job(String jobName) {
        return BatchJob.named(jobName).orElseThrow(() -> new MedsignException(ErrorCode.JOB_UNKNOWN, jobName));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
