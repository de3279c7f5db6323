package org.medsign.batch.longterm;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.longterm.LongTermEvidence;

import java.util.List;

/** Takes a chunk of signatures to LTA in the chunk's transaction: all of them, or none. */
@Named
@Dependent
public class AugmentWriter extends AbstractItemWriter {

    @Inject
    LongTermEvidence evidence;

    /** Which kind of stored signature this step keeps ({@code record}, {@code institution}). */
    @Inject
    @BatchProperty
    String signatures;

    @Override
    public void writeItems(List<Object> items) {
        evidence.augment(signatures, items.stream().map(Long.class::cast).toList());
    }
}
