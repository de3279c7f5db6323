package org.medsign.batch.deadline;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.overdue.OverdueRecord;
import org.medsign.signing.overdue.SigningDeadlines;

import java.util.List;

/** Hands a chunk of overdue versions over (marked once, observers told) in the chunk's transaction. */
@Named
@Dependent
public class OverdueWriter extends AbstractItemWriter {

    @Inject
    SigningDeadlines deadlines;

    @Override
    public void writeItems(List<Object> items) {
        deadlines.handOver(items.stream().map(OverdueRecord.class::cast).toList());
    }
}
