package org.medsign.batch.upkeep;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CredentialUpkeep;

import java.util.List;

/** Writes 已過期 on a chunk of certificates, in the chunk's transaction. */
@Named
@Dependent
public class ExpireWriter extends AbstractItemWriter {

    @Inject
    CredentialUpkeep upkeep;

    @Override
    public void writeItems(List<Object> items) {
        upkeep.expire(items.stream().map(Long.class::cast).toList());
    }
}
