package org.medsign.batch.reminder;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.reminder.Reminders;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** The people due a reminder now, by employee number. */
@Named
@Dependent
public class DueReader extends AbstractItemReader {

    private static final int PAGE = 200;

    @Inject
    Reminders reminders;

    private final Deque<String> page = new ArrayDeque<>();
    private String after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint instanceof String s ? s : "";
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(reminders.due(after, PAGE));
            exhausted = page.size() < PAGE;
        }
        String next = page.poll();
        if (next != null) {
            after = next;
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
