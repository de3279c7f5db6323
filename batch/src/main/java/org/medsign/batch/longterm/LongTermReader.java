package org.medsign.batch.longterm;

import jakarta.batch.api.BatchProperty;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.KeysetReader;
import org.medsign.signing.longterm.LongTermEvidence;

import java.util.List;

/**
 * Ids of the stored signatures a step works on, in id order (a restart goes on after the last): those past their
 * revocation grace period still at CAdES-T ({@code augment}), or those whose archive timestamp is due ({@code renew}).
 */
@Named
@Dependent
public class LongTermReader extends KeysetReader<Long, Long> {

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

    public LongTermReader() {
        super(500, Long.MIN_VALUE);
    }

    @Override
    protected List<Long> page(Long after, int limit) {
        return switch (Work.named(work)) {
            case AUGMENT -> evidence.due(signatures, after, limit);
            case RENEW -> evidence.renewalDue(signatures, after, limit);
        };
    }

    @Override
    protected Long key(Long id) {
        return id;
    }
}
