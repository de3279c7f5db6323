package org.medsign.batch;

import jakarta.batch.api.chunk.listener.SkipProcessListener;
import jakarta.batch.api.chunk.listener.SkipReadListener;
import jakarta.batch.api.chunk.listener.SkipWriteListener;
import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.his.MalformedHisRecordException;
import org.medsign.jobs.JobNotes;

import java.util.List;

/**
 * Reports what a step skipped (counted by the batch runtime, noted here with the record id and reason) and why
 * a step failed, for the 批次作業 page. A failure becomes the step's exit status: its error code.
 */
@Named
@Dependent
public class JobReport implements SkipReadListener, SkipProcessListener, SkipWriteListener, StepListener {

    @Inject
    JobContext job;

    @Inject
    StepContext step;

    @Inject
    JobNotes notes;

    @Override
    public void onSkipReadItem(Exception e) {
        skipped(e);
    }

    @Override
    public void onSkipProcessItem(Object item, Exception e) {
        skipped(e);
    }

    @Override
    public void onSkipWriteItem(List<Object> items, Exception e) {
        skipped(e);
    }

    private void skipped(Exception e) {
        if (e instanceof MalformedHisRecordException m) {
            notes.note(job.getExecutionId(), job.getJobName(), JobNotes.SKIP, ErrorCode.HIS_RECORD_MALFORMED,
                    "HIS " + m.recordId(), m.getMessage());
        } else {
            notes.note(job.getExecutionId(), job.getJobName(), JobNotes.SKIP, ErrorCode.JOB_FAILED, null, e.toString());
        }
    }

    @Override
    public void beforeStep() {
        // nothing to prepare
    }

    @Override
    public void afterStep() {
        Exception e = step.getException();
        if (e == null) {
            return;
        }
        Throwable cause = e;
        while (cause.getCause() != null && !(cause instanceof MedsignException)) {
            cause = cause.getCause();
        }
        ErrorCode code = cause instanceof MedsignException m ? m.errorCode() : ErrorCode.JOB_FAILED;
        String reason = cause instanceof MedsignException ? step.getStepName() + ": " + cause.getMessage()
                : step.getStepName() + ": " + cause.getClass().getSimpleName();
        notes.note(job.getExecutionId(), job.getJobName(), JobNotes.FAILURE, code, null, reason);
        step.setExitStatus(code.code());
        job.setExitStatus(code.code());
    }
}
