package org.medsign.ops;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.medsign.audit.AuditCheckpoint;
import org.medsign.audit.AuditVerifier;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.security.GeneralSecurityException;
import java.util.logging.Logger;

/**
 * Signs the audit chain's head with the audit seal's own key every quarter hour (and on demand from IT or JMX),
 * so that rewriting the chain after a checkpoint is detectable even by someone who recomputes every hash.
 */
@Singleton
@DependsOn("CertificateAuthority") // it makes the seal's key on first start
@PermitAll
public class AuditSeal {

    private static final Logger LOG = Logger.getLogger(AuditSeal.class.getName());

    @Inject
    AuditVerifier verifier;

    @Inject
    KeyRing ring;

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
            byte[] seal = ring.sealAudit(AuditCheckpoint.signedText(head.sequenceNumber(), head.hash()));
            verifier.storeCheckpoint(head.sequenceNumber(), head.hash(), seal,
                    ring.certificate(KeyPurpose.AUDIT_SEAL).getEncoded());
            return head.sequenceNumber();
        } catch (GeneralSecurityException | RuntimeException e) {
            LOG.warning(() -> "Cannot seal the audit chain: " + e);
            throw new IllegalStateException(e);
        }
    }
}
