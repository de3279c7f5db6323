package org.medsign.batch.writeback;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.writeback.WaitingMark;
import org.medsign.signing.writeback.WriteBackQueue;

import java.util.List;

/** Writes a chunk of marks to the HIS in their order and keeps the HIS's answers in the chunk's transaction. */
@Named
@Dependent
public class MarkWriter extends AbstractItemWriter {

    @Inject
    WriteBackQueue queue;

    @Override
    public void writeItems(List<Object> items) {
        queue.write(items.stream().map(WaitingMark.class::cast).toList());
    }
}
