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

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Full scan of one day partition: the HIS's unsigned records modified in [from, to), page by page in
 * (modified time, id) order, the last one marked as the day's end. Rows are checked here: a malformed one throws
 * {@link org.medsign.his.MalformedHisRecordException} after the walk moved past it, which the job XML skips.
 * The checkpoint is the last key handed out.
 */
@Named
@Dependent
public class WindowReader extends AbstractItemReader {

    @Inject
    HisGateway his;

    @Inject
    @BatchProperty
    String from;

    @Inject
    @BatchProperty
    String to;

    @Inject
    @BatchProperty
    String pageSize;

    private final Deque<HisRow> page = new ArrayDeque<>();
    private RecordKey key;
    private boolean ended;
    private boolean exhausted;

    @Override
    public void open(Serializable checkpoint) {
        if (checkpoint instanceof WalkPosition p) {
            key = p.key();
            ended = p.ended();
        } else {
            key = RecordKey.before(Instant.parse(from));
        }
    }

    @Override
    public Object readItem() {
        if (ended) {
            return null;
        }
        if (page.isEmpty() && !exhausted) {
            int size = pageSize == null ? 2000 : Integer.parseInt(pageSize);
            page.addAll(his.unsignedModified(key, Instant.parse(to), size));
            exhausted = page.size() < size;
        }
        HisRow row = page.poll();
        if (row == null) {
            ended = true;
            return ScanItem.end(RecordKey.before(Instant.parse(to)));
        }
        key = row.modifiedKey();
        HisRecord record = HisRecord.of(row);
        ended = page.isEmpty() && exhausted;
        return ScanItem.read(key, record, ended);
    }

    @Override
    public Serializable checkpointInfo() {
        return new WalkPosition(key, ended);
    }
}
