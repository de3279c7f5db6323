package org.medsign.batch.reminder;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.error.MedsignException;
import org.medsign.jobs.JobNotes;
import org.medsign.reminder.ReminderDigest;
import org.medsign.reminder.Reminders;

import java.util.List;

/**
 * Mails each digest. A refused mail is noted for IT and leaves that person's day open, so the next run tries
 * again; the others of the chunk still go.
 */
@Named
@Dependent
public class DigestWriter extends AbstractItemWriter {

    @Inject
    Reminders reminders;

    @Inject
    JobNotes notes;

    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            ReminderDigest digest = (ReminderDigest) item;
            try {
                reminders.send(digest);
            } catch (MedsignException e) {
                notes.note(job.getExecutionId(), job.getJobName(), JobNotes.SKIP, e.errorCode(), digest.employeeNumber(),
                        "reminder mail not sent");
            }
        }
    }
}
