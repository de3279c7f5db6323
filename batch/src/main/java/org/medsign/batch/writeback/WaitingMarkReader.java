package org.medsign.batch.writeback;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.KeysetReader;
import org.medsign.signing.writeback.QueuePosition;
import org.medsign.signing.writeback.WaitingMark;
import org.medsign.signing.writeback.WriteBackQueue;

import java.util.List;

/** The marks waiting for the HIS, oldest first (stored time, id); a restart goes on after the last one read. */
@Named
@Dependent
public class WaitingMarkReader extends KeysetReader<WaitingMark, QueuePosition> {

    @Inject
    WriteBackQueue queue;

    public WaitingMarkReader() {
        super(500, QueuePosition.START);
    }

    @Override
    protected List<WaitingMark> page(QueuePosition after, int limit) {
        return queue.due(after, limit);
    }

    @Override
    protected QueuePosition key(WaitingMark mark) {
        return mark.position();
    }
}
