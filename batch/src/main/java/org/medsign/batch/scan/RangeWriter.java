package org.medsign.batch.scan;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.his.RecordKey;
import org.medsign.signing.pending.PendingEntry;
import org.medsign.signing.pending.PendingIndexWriter;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Full scan: makes the index exact for the key range this chunk covered, from just after the previous chunk's
 * last key (its checkpoint) up to this chunk's last key, or to the end of the day after the END item. Rows of the
 * range that the HIS no longer lists as unsigned (signed, moved, deleted) are removed.
 */
@Named
@Dependent
public class RangeWriter extends AbstractItemWriter {

    @Inject
    PendingIndexWriter index;

    @Inject
    @BatchProperty
    String from;

    @Inject
    @BatchProperty
    String to;

    private RecordKey after;

    @Override
    public void open(Serializable checkpoint) {
        after = checkpoint instanceof RecordKey k ? k : RecordKey.before(Instant.parse(from));
    }

    @Override
    public void writeItems(List<Object> items) {
        List<PendingEntry> entries = new ArrayList<>(items.size());
        RecordKey last = after;
        boolean end = false;
        for (Object o : items) {
            ScanItem item = (ScanItem) o;
            last = item.key();
            end |= item.end();
            if (item.entry() != null) {
                entries.add(item.entry());
            }
        }
        RecordKey before = end ? RecordKey.before(Instant.parse(to)) : new RecordKey(last.at(), last.id() + 1);
        index.reconcileRange(after, before, entries);
        after = end ? before : last;
    }

    @Override
    public Serializable checkpointInfo() {
        return after;
    }
}
