package org.medsign.batch.longterm;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.KeysetReader;
import org.medsign.signing.longterm.LongTermEvidence;

import java.util.List;

/** Ids of LTA signatures whose newest archive timestamp is due for renewal, in id order (a restart goes on after the last). */
@Named
@Dependent
public class RenewalDueReader extends KeysetReader<Long, Long> {

    @Inject
    LongTermEvidence evidence;

    /** Which kind of stored signature this step keeps ({@code record}, {@code institution}). */
    @Inject
    @BatchProperty
    String signatures;

    public RenewalDueReader() {
        super(500, Long.MIN_VALUE);
    }

    @Override
    protected List<Long> page(Long after, int limit) {
        return evidence.renewalDue(signatures, after, limit);
    }

    @Override
    protected Long key(Long id) {
        return id;
    }
}
