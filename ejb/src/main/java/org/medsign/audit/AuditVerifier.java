package org.medsign.audit;

import org.medsign.kernel.Role;
import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.kernel.crypto.SignatureAlgorithms;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Walks the audit chain from the first chained row: each row must follow the previous one without a gap (a
 * deleted row), link to its hash (an inserted one) and hash to what it says (a changed one); each checkpoint's
 * signature must hold and match the chain at its row. Also stores the checkpoints that ops signs.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class AuditVerifier {

    private static final int PAGE = 2000;

    @PersistenceContext
    EntityManager em;

    @Inject
    KeyRing keys;

    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public ChainVerification verify() {
        return walk();
    }

    /** For JMX, whose callers WildFly's management security has already authenticated. */
    @PermitAll
    public ChainVerification verifyAsSystem() {
        return walk();
    }

    private ChainVerification walk() {
        Map<Long, AuditCheckpoint> checkpoints = new HashMap<>();
        em.createQuery("select c from AuditCheckpoint c", AuditCheckpoint.class).getResultStream()
                .forEach(c -> checkpoints.put(c.sequenceNumber(), c));
        long rows = 0;
        int checkedCheckpoints = 0;
        long expected = -1;
        String previous = null;
        long after = 0;
        while (true) {
            List<AuditEvent> page = em.createQuery("select e from AuditEvent e where e.sequenceNumber > :after"
                    + " order by e.sequenceNumber", AuditEvent.class)
                    .setParameter("after", after).setMaxResults(PAGE).getResultList();
            if (page.isEmpty()) {
                break;
            }
            for (AuditEvent e : page) {
                long seq = e.sequenceNumber();
                if (expected < 0) {
                    expected = seq;
                    previous = e.previousHash();
                }
                if (seq != expected) {
                    return ChainVerification.broken(rows, checkedCheckpoints, expected, "row missing (deleted)");
                }
                if (!Objects.equals(previous, e.previousHash())) {
                    return ChainVerification.broken(rows, checkedCheckpoints, seq, "link to the previous row broken (inserted or reordered)");
                }
                if (!AuditChain.hash(e).equals(e.hash())) {
                    return ChainVerification.broken(rows, checkedCheckpoints, seq, "content changed");
                }
                AuditCheckpoint checkpoint = checkpoints.get(seq);
                if (checkpoint != null) {
                    if (!checkpoint.hash().equals(e.hash()) || !signatureHolds(checkpoint)) {
                        return ChainVerification.broken(rows, checkedCheckpoints, seq, "checkpoint does not match the chain");
                    }
                    checkedCheckpoints++;
                }
                previous = e.hash();
                expected = seq + 1;
                rows++;
                after = seq;
            }
            em.clear();
        }
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        if (head.lastSequence() > 0 && head.lastSequence() != expected - 1) {
            return ChainVerification.broken(rows, checkedCheckpoints, Math.max(expected, 0), "rows missing at the end");
        }
        return new ChainVerification(true, rows, checkedCheckpoints, null, null);
    }

    /** The current chain head, for ops to sign. */
    @PermitAll
    public AuditCheckpoint head() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        return new AuditCheckpoint(head.lastSequence(), head.lastHash(), Instant.now(), new byte[0], new byte[0]);
    }

    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public void storeCheckpoint(long sequence, String hash, byte[] signature, byte[] signerCertificate) {
        if (sequence == 0 || em.find(AuditCheckpoint.class, sequence) != null) {
            return;
        }
        em.persist(new AuditCheckpoint(sequence, hash, Instant.now(), signature, signerCertificate));
    }

    /** Whether {@code signer} is an issuing CA's own certificate or one it issued, of any CA generation. */
    private boolean issuedByTheCa(X509Certificate signer) {
        java.util.List<X509Certificate> issuers = new java.util.ArrayList<>(java.util.List.of(
                keys.certificate(KeyPurpose.ISSUE_CERTIFICATE)));
        keys.retiredChains(KeyPurpose.ISSUE_CERTIFICATE).forEach(chain -> issuers.add(chain.get(0)));
        for (X509Certificate issuing : issuers) {
            if (signer.equals(issuing)) {
                return true;
            }
            try {
                signer.verify(issuing.getPublicKey(), BouncyCastle.PROVIDER);
                return true;
            } catch (GeneralSecurityException e) {
                // another generation's, perhaps
            }
        }
        return false;
    }

    /**
     * The seal verifies under the certificate kept with it, and that certificate is the Mobile Signing CA's own (seals
     * made before the audit seal had its own key) or one it issued: a rewritten chain cannot bring its own seal key.
     */
    private boolean signatureHolds(AuditCheckpoint checkpoint) {
        try {
            X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(checkpoint.signer()));
            if (!issuedByTheCa(signer)) {
                return false;
            }
            Signature verifier = Signature.getInstance(SignatureAlgorithms.forKey(signer.getPublicKey()), BouncyCastle.PROVIDER);
            verifier.initVerify(signer.getPublicKey());
            verifier.update(AuditCheckpoint.signedText(checkpoint.sequenceNumber(), checkpoint.hash()));
            return verifier.verify(checkpoint.signature());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
