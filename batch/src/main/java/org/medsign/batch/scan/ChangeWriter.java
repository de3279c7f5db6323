package org.medsign.batch.scan;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.pending.PendingEntry;
import org.medsign.signing.pending.PendingIndexWriter;
import org.medsign.signing.pending.PendingScan;

import java.util.ArrayList;
import java.util.List;

/** Incremental scan: applies the changes to the index and moves the watermark, in the chunk's one transaction. */
@Named
@Dependent
public class ChangeWriter extends AbstractItemWriter {

    @Inject
    PendingIndexWriter index;

    @Inject
    PendingScan scan;

    @Override
    public void writeItems(List<Object> items) {
        if (items.isEmpty()) {
            return;
        }
        List<PendingEntry> upserts = new ArrayList<>();
        List<Long> removals = new ArrayList<>();
        for (Object o : items) {
            ScanItem item = (ScanItem) o;
            if (item.entry() != null) {
                upserts.add(item.entry());
            } else {
                removals.add(item.key().id());
            }
        }
        index.apply(upserts, removals);
        scan.advance(((ScanItem) items.get(items.size() - 1)).key());
    }
}
