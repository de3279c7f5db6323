package org.medsign.batch.upkeep;

import jakarta.batch.api.AbstractBatchlet;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.credential.CredentialUpkeep;

/** Republishes the CRL when it nears its nextUpdate; the exit status names the CRL now current. */
@Named
@Dependent
public class CrlRefresh extends AbstractBatchlet {

    @Inject
    CredentialUpkeep upkeep;

    @Override
    public String process() {
        return "CRL " + upkeep.keepCrlFresh();
    }
}
