package org.medsign.his;

import java.io.Serializable;
import java.time.Instant;

/**
 * A position in a keyset walk over HIS records: a time (modified or changed, depending on the walk) and the
 * record id that breaks ties. Serializable because batch checkpoints store it.
 */
public record RecordKey(Instant at, long id) implements Serializable, Comparable<RecordKey> {

    private static final long serialVersionUID = 1L;

    /** The key just before every record at or after {@code at}. */
    public static RecordKey before(Instant at) {
        return new RecordKey(at, Long.MIN_VALUE);
    }

    @Override
    public int compareTo(RecordKey other) {
        int c = at.compareTo(other.at);
        return c != 0 ? c : Long.compare(id, other.id);
    }
}
