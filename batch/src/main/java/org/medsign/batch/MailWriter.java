package org.medsign.batch;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.inject.Inject;
import org.medsign.error.MedsignException;
import org.medsign.jobs.JobNotes;

import java.util.List;

/**
 * Mails each item of a chunk on its own. A mail that cannot be sent is noted for IT (with the item, never its
 * content) and stays due, so the next run tries again; the chunk's other mails still go.
 *
 * @param <T> what one mail is made from
 */
public abstract class MailWriter<T> extends AbstractItemWriter {

    @Inject
    JobNotes notes;

    @Inject
    JobContext job;

    /** Sends one mail and notes it sent; a MedsignException when it could not. */
    protected abstract void send(T item);

    /** How IT finds the item on the run's notes. */
    protected abstract String reference(T item);

    /** What was not sent, in IT's words. */
    protected abstract String notSent();

    @Override
    @SuppressWarnings("unchecked")
    public void writeItems(List<Object> items) {
        for (Object item : items) {
            try {
                send((T) item);
            } catch (MedsignException e) {
                notes.note(job.getExecutionId(), job.getJobName(), JobNotes.SKIP, e.errorCode(), reference((T) item),
                        notSent());
            }
        }
    }
}
