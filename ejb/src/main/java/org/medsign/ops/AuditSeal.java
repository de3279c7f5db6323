package org.medsign.ops;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.medsign.audit.AuditCheckpoint;
import org.medsign.audit.AuditVerifier;
import org.medsign.credential.CaKeys;
import org.medsign.credential.CertificateAuthority;

import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.logging.Logger;

/**
 * Signs the audit chain's head with the CA's issuing key every quarter hour (and on demand from IT or JMX),
 * so that rewriting the chain after a checkpoint is detectable even by someone who recomputes every hash.
 */
@Singleton
@PermitAll
public class AuditSeal {

    private static final Logger LOG = Logger.getLogger(AuditSeal.class.getName());

    @Inject
    AuditVerifier verifier;

    @Inject
    CertificateAuthority ca;

    @Schedule(minute = "*/15", hour = "*", persistent = false)
    public void sealPeriodically() {
        sealNow();
    }

    /** Signs the current head; returns its sequence number (0: nothing to seal yet). */
    public long sealNow() {
        AuditCheckpoint head = verifier.head();
        if (head.sequenceNumber() == 0) {
            return 0;
        }
        try {
            CaKeys keys = ca.keys();
            Signature signer = Signature.getInstance("SHA256withECDSA", keys.signer());
            signer.initSign(keys.issuingKey());
            signer.update(AuditCheckpoint.signedText(head.sequenceNumber(), head.hash()));
            verifier.storeCheckpoint(head.sequenceNumber(), head.hash(), signer.sign(), keys.issuing().getEncoded());
            return head.sequenceNumber();
        } catch (GeneralSecurityException e) {
            LOG.warning(() -> "Cannot seal the audit chain: " + e);
            throw new IllegalStateException(e);
        }
    }
}
