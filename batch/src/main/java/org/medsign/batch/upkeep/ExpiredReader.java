package org.medsign.batch.upkeep;

import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CredentialUpkeep;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/** Live certificates past notAfter, by id; the checkpoint is the last id read. */
@Named
@Dependent
public class ExpiredReader extends AbstractItemReader {

    private static final int PAGE = 500;

    @Inject
    CredentialUpkeep upkeep;

    private final Deque<Long> page = new ArrayDeque<>();
    private long after;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint instanceof Long l ? l : Long.MIN_VALUE;
    }

    @Override
    public Object readItem() {
        if (page.isEmpty() && !exhausted) {
            page.addAll(upkeep.expired(after, PAGE));
            exhausted = page.size() < PAGE;
        }
        Long next = page.poll();
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
