package org.medsign.batch.upkeep;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CredentialUpkeep;
import org.medsign.credential.ExpiryReminder;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Certificates whose owner is due an expiry reminder, by certificate id; the checkpoint is the last id read. */
@Named
@Dependent
public class ReminderReader extends AbstractItemReader {

    private static final int PAGE = 200;

    @Inject
    CredentialUpkeep upkeep;

    private final Deque<ExpiryReminder> page = new ArrayDeque<>();
    private long after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint instanceof Long l ? l : Long.MIN_VALUE;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            var due = upkeep.remindersDue(after, PAGE);
            page.addAll(due);
            exhausted = due.size() < PAGE;
        }
        ExpiryReminder next = page.poll();
        if (next != null) {
            after = next.certificateId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
