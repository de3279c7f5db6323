package org.medsign.batch.deadline;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.OverdueRecord;
import org.medsign.signing.SigningDeadlines;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Pending record versions past the 24-hour deadline and not handed over yet, by record id. */
@Named
@Dependent
public class OverdueReader extends AbstractItemReader {

    private static final int PAGE = 500;

    @Inject
    SigningDeadlines deadlines;

    private final Deque<OverdueRecord> page = new ArrayDeque<>();
    private long after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint instanceof Long l ? l : Long.MIN_VALUE;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(deadlines.newlyOverdue(after, PAGE));
            exhausted = page.size() < PAGE;
        }
        OverdueRecord next = page.poll();
        if (next != null) {
            after = next.recordId();
        }
        return next;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
