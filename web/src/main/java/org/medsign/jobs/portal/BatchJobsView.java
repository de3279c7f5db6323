package org.medsign.jobs.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.error.MedsignException;
import org.medsign.jobs.BatchJob;
import org.medsign.jobs.JobControl;
import org.medsign.jobs.JobNotes;
import org.medsign.jobs.JobRun;
import org.medsign.jobs.JobSchedule;
import org.medsign.portal.FacesErrors;
import org.medsign.portal.FacesNotices;
import org.medsign.signing.longterm.LongTermEvidence;
import org.medsign.signing.writeback.WriteBackQueue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** 批次作業: every job's latest runs and schedules, and IT's start, stop and restart buttons. */
@Named
@RequestScoped
public class BatchJobsView {

    private static final int RUNS_PER_JOB = 15;

    @Inject
    JobControl control;

    @Inject
    JobSchedule schedule;

    @Inject
    LongTermEvidence longTerm;

    @Inject
    WriteBackQueue writeBack;

    private LongTermEvidence.Backlog backlog;
    private WriteBackQueue.Backlog writeBackBacklog;

    private List<JobRun> runs;
    private List<JobNotes.JobNote> notes = List.of();
    private Long notesOf;

    public List<JobRun> getRuns() {
        if (runs == null) {
            runs = new ArrayList<>();
            for (BatchJob job : BatchJob.values()) {
                runs.addAll(control.runs(job.jobName(), RUNS_PER_JOB));
            }
            runs.sort(Comparator.comparingLong(JobRun::executionId).reversed());
        }
        return runs;
    }

    /** Signatures past their grace period still waiting for the long-term-evidence job, and the oldest's timestamp. */
    public LongTermEvidence.Backlog getLongTermBacklog() {
        if (backlog == null) {
            backlog = longTerm.backlog();
        }
        return backlog;
    }

    /** Signed marks waiting for the HIS (it was unreachable when they were signed), and when the oldest was stored. */
    public WriteBackQueue.Backlog getWriteBackBacklog() {
        if (writeBackBacklog == null) {
            writeBackBacklog = writeBack.backlog();
        }
        return writeBackBacklog;
    }

    public List<JobSchedule.Planned.View> getSchedules() {
        return schedule.schedules();
    }

    public void start(String job, String mode) {
        try {
            long id = control.start(job, mode);
            FacesNotices.info("batch.startedRun", job, id);
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
        runs = null;
    }

    public void stop(long executionId) {
        try {
            control.stop(executionId);
            FacesNotices.info("batch.stopping", executionId);
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
        runs = null;
    }

    public void restart(long executionId) {
        try {
            long id = control.restart(executionId);
            FacesNotices.info("batch.restarted", executionId, id);
        } catch (MedsignException e) {
            FacesErrors.show(e);
        }
        runs = null;
    }

    public void showNotes(long executionId) {
        notesOf = executionId;
        notes = control.notes(executionId, 200);
    }

    public List<JobNotes.JobNote> getNotes() {
        return notes;
    }

    public Long getNotesOf() {
        return notesOf;
    }

    public String severity(String batchStatus) {
        return switch (batchStatus) {
            case "COMPLETED" -> "success";
            case "FAILED", "ABANDONED" -> "danger";
            case "STOPPED", "STOPPING" -> "warning";
            default -> "info";
        };
    }
}
