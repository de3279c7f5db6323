package org.medsign.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The root revokes a CA it certified: IT imports the offline root's new CRL ({@link RootCrlImport}, refusals MS-4019,
 * MS-4023 to MS-4025). For each retired generation it newly revokes, medsign records the revocation, revokes every
 * certificate that generation issued which is still live (cACompromise: their holders apply again under the current
 * CA), and from then on the long-term job renews every signature archived before, so the CRL travels in its evidence
 * under an archive timestamp from an unaffected TSA. The CRL is kept last, inside the transaction's outcome.
 * Callers check the role: {@link CaRollover} (IT) and the Certificates JMX area (the management realm).
 */
@Stateless
@PermitAll
public class CaCompromise {

    private static final Logger LOG = Logger.getLogger(CaCompromise.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateAuthority ca;

    @Inject
    AuditLog audit;

    @Inject
    Event<CaRevoked> revocations;

    /** Fired inside the importing transaction for each CA generation the root newly revoked. */
    public record CaRevoked(int generation, String by) {
    }

    /** Imports the root's CRL (PEM or DER); the generations it newly revokes, by number. */
    public List<Integer> importRootCrl(byte[] upload, String by) {
        RootCrlImport imported;
        List<RootCrlImport.RevokedGeneration> revoked;
        try {
            imported = RootCrlImport.read(upload);
            revoked = ca.checkRootCrl(imported);
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.ROOT_CRL_IMPORTED, by, "root CRL", e.errorCode(), null));
            throw e;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The root CRL could not be checked", e);
            audit.record(AuditRecord.failure(AuditAction.ROOT_CRL_IMPORTED, by, "root CRL", ErrorCode.INTERNAL_ERROR, null));
            throw new MedsignException(ErrorCode.INTERNAL_ERROR);
        }
        Instant now = Instant.now();
        for (RootCrlImport.RevokedGeneration r : revoked) {
            em.persist(new CaRevocation(r.generation().number(), r.generation().issuing().getSerialNumber().toString(16),
                    r.revokedAt(), now));
            revocations.fire(new CaRevoked(r.generation().number(), by));
        }
        em.flush();
        ca.keepRootCrl(imported);
        List<Integer> numbers = revoked.stream().map(r -> r.generation().number()).toList();
        audit.record(new AuditRecord(AuditAction.ROOT_CRL_IMPORTED, AuditOutcome.SUCCESS, by, "root CRL", null, null,
                numbers.isEmpty() ? "revokes no further CA" : "revokes CA generation " + numbers));
        return numbers;
    }

    /** When medsign last learnt of a CA's revocation: evidence archived before then is renewed. */
    public Optional<Instant> lastLearnt() {
        return em.createQuery("select r.knownSince from CaRevocation r order by r.knownSince desc", Instant.class)
                .setMaxResults(1).getResultStream().findFirst();
    }
}
