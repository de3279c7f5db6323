package org.medsign.batch.upkeep;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CredentialUpkeep;
import org.medsign.credential.ExpiryReminder;
import org.medsign.error.MedsignException;
import org.medsign.jobs.JobNotes;

import java.util.List;

/** Mails each reminder; one that cannot be sent is noted for IT and stays due, so the next run tries again. */
@Named
@Dependent
public class ReminderWriter extends AbstractItemWriter {

    @Inject
    CredentialUpkeep upkeep;

    @Inject
    JobNotes notes;

    @Inject
    JobContext job;

    @Override
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            ExpiryReminder reminder = (ExpiryReminder) item;
            try {
                upkeep.remind(reminder);
            } catch (MedsignException e) {
                notes.note(job.getExecutionId(), job.getJobName(), JobNotes.SKIP, e.errorCode(), reminder.serial(),
                        "expiry reminder not sent");
            }
        }
    }
}
