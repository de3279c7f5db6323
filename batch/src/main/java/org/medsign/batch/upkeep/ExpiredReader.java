package org.medsign.batch.upkeep;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.KeysetReader;
import org.medsign.credential.CredentialUpkeep;

import java.util.List;

/** Live certificates past notAfter, by id. */
@Named
@Dependent
public class ExpiredReader extends KeysetReader<Long, Long> {

    @Inject
    CredentialUpkeep upkeep;

    public ExpiredReader() {
        super(500, Long.MIN_VALUE);
    }

    @Override
    protected List<Long> page(Long after, int limit) {
        return upkeep.expired(after, limit);
    }

    @Override
    protected Long key(Long id) {
        return id;
    }
}
