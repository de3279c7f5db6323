package org.medsign.signing.writeback;

import java.io.Serializable;
import java.time.Instant;

/**
 * Where a walk of the write-back queue stands: a signature's stored time and id, the queue's order. Serializable
 * because the job's checkpoint holds it.
 */
public record QueuePosition(Instant storedAt, long id) implements Serializable, Comparable<QueuePosition> {

    private static final long serialVersionUID = 1L;

    /** Before every waiting mark. */
    public static final QueuePosition START = new QueuePosition(Instant.EPOCH, Long.MIN_VALUE);

    @Override
    public int compareTo(QueuePosition other) {
        int c = storedAt.compareTo(other.storedAt);
        return c != 0 ? c : Long.compare(id, other.id);
    }
}
