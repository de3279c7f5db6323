package org.medsign.batch.longterm;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.longterm.LongTermEvidence;

import java.util.List;

/** Takes a chunk of signatures to LTA, or renews their archive timestamps, in the chunk's transaction: all, or none. */
@Named
@Dependent
public class LongTermWriter extends AbstractItemWriter {

    @Inject
    LongTermEvidence evidence;

    /** Which kind of stored signature this step keeps ({@code record}, {@code institution}). */
    @Inject
    @BatchProperty
    String signatures;

    /** {@code augment} or {@code renew}. */
    @Inject
    @BatchProperty
    String work;

    @Override
    public void writeItems(List<Object> items) {
        List<Long> ids = items.stream().map(Long.class::cast).toList();
        switch (Work.named(work)) {
            case AUGMENT -> evidence.augment(signatures, ids);
            case RENEW -> evidence.renew(signatures, ids);
        }
    }
}
