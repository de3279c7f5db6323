package org.medsign.batch.scan;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.his.HisGateway;
import org.medsign.his.HisRecord;
import org.medsign.his.HisRow;
import org.medsign.his.RecordKey;
import org.medsign.signing.pending.PendingScan;

import java.io.Serializable;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Incremental scan: every HIS row that changed since the watermark (less a small overlap), in (changed time, id)
 * order, until the change stream is drained. Malformed rows throw after the walk moved past them (a skip).
 */
@Named
@Dependent
public class ChangeReader extends AbstractItemReader {

    @Inject
    HisGateway his;

    @Inject
    PendingScan scan;

    @Inject
    @BatchProperty
    String pageSize;

    private final Deque<HisRow> page = new ArrayDeque<>();
    private RecordKey key;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        key = checkpoint instanceof RecordKey k ? k : scan.incrementalStart();
    }

    @Override
    public Object readItem() {
        if (page.isEmpty()) {
            if (exhausted) {
                return null;
            }
            int size = pageSize == null ? 2000 : Integer.parseInt(pageSize);
            page.addAll(his.changedAfter(key, size));
            exhausted = page.size() < size;
        }
        HisRow row = page.poll();
        if (row == null) {
            return null;
        }
        key = row.changedKey();
        return ScanItem.read(key, HisRecord.of(row), false);
    }

    @Override
    public Serializable checkpointInfo() {
        return key;
    }
}
