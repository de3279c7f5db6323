package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.kernel.crypto.KeyRing;

import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Publishes the CA's CRLs, one per issuing CA generation (a retired key keeps signing the one of the certificates it
 * issued): after revocations (once committed; a burst gets one CRL), when the current one nears its
 * nextUpdate (the credential-upkeep job), and on demand. CRL numbers only grow (one database sequence, whichever node
 * publishes); each CRL is kept and the newest in the database is served as signed, by every node.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class CrlPublisher {

    private static final Logger LOG = Logger.getLogger(CrlPublisher.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateAuthority ca;

    @Inject
    KeyRing ring;

    @Inject
    AuditLog audit;

    /** This bean through its container proxy, so that internal calls get their own transaction. */
    @EJB
    CrlPublisher self;

    @Inject
    @ConfigProperty(name = "medsign.crl.validity-hours", defaultValue = "24")
    int validityHours;

    /** How long revocations are gathered into one CRL. */
    static final long COALESCE_MILLIS = 500;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final AtomicBoolean publishing = new AtomicBoolean();
    private final Map<Integer, CrlPublication> latest = new ConcurrentHashMap<>();

    /** A CRL of the current issuing CA generation, now (audited). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrlPublication publish() {
        return publish(ca.certificates().generation());
    }

    /**
     * A CRL of issuing CA generation {@code generation}, now, signed by that generation's key: a retired key still
     * states the status of the certificates it issued.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrlPublication publish(int generation) {
        X509Certificate issuing = ca.certificates().generation(generation)
                .orElseThrow(() -> new IllegalArgumentException("No CA generation " + generation)).issuing();
        Instant now = Instant.now();
        List<Certificate> revoked = em.createQuery("select c from Certificate c where c.status = :s"
                        + " and c.caGeneration = :g order by c.revokedAt", Certificate.class)
                .setParameter("s", CertificateStatus.REVOKED).setParameter("g", generation).getResultList();
        Instant next = now.plus(Duration.ofHours(validityHours));
        CrlPublication publication = new CrlPublication(generation, now, next, revoked.size());
        em.persist(publication);
        long number = publication.crlNumber();
        try {
            X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(issuing, Date.from(now));
            builder.setNextUpdate(Date.from(next));
            for (Certificate c : revoked) {
                BigInteger serial = new BigInteger(c.serial(), 16);
                if (c.compromisedSince().isPresent()) {
                    builder.addCRLEntry(serial, Date.from(c.revocationTime()), c.revocationReason().code(),
                            Date.from(c.compromisedSince().get()));
                } else {
                    builder.addCRLEntry(serial, Date.from(c.revocationTime()), c.revocationReason().code());
                }
            }
            builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(issuing));
            byte[] encoded = ring.signCrl(issuing, builder);
            publication.signed(encoded);
            latest.put(generation, publication);
            audit.record(AuditRecord.success(AuditAction.CRL_PUBLISHED, "system",
                    "CRL " + number + (generation > 1 ? " of CA generation " + generation : ""), null));
            return publication;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the CRL", e);
        }
    }

    /** The current issuing CA generation's CRL (see {@link #current(int)}). */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CrlPublication current() {
        return current(ca.certificates().generation());
    }

    /**
     * The CRL of CA generation {@code generation}. It is published now when none exists, when it is stale, or when a
     * certificate was revoked after it was made (a relying party never gets a CRL that misses a committed revocation).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CrlPublication current(int generation) {
        CrlPublication known = latest.get(generation);
        // another node of a cluster may have published since: the newest number in the database decides
        Long newest = em.createQuery("select max(p.crlNumber) from CrlPublication p where p.caGeneration = :g", Long.class)
                .setParameter("g", generation).getSingleResult();
        if (known == null || (newest != null && newest > known.crlNumber())) {
            known = newest(generation);
        }
        if (known == null || !known.nextUpdate().isAfter(Instant.now()) || revokedSince(generation, known.thisUpdate())
                || predatesTheTsaCertificate(known)) {
            return self.publish(generation);
        }
        latest.put(generation, known);
        return known;
    }

    /**
     * A new CRL of every generation shortly after a revocation has committed (not before: the CRL must include it). A
     * burst of revocations — superseded certificates during a mass enrolment, a staff member's devices — gets one
     * CRL; {@link #current()} does not wait for it.
     */
    public void onRevocation(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
        if (publishing.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                publishing.set(false);
                for (CaGeneration generation : ca.certificates().generations()) {
                    self.current(generation.number());
                }
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A CRL older than a certificate says nothing about it (validators reject it): the TSA's, after a renewal. */
    private boolean predatesTheTsaCertificate(CrlPublication known) {
        X509Certificate tsa = ca.certificates().tsa();
        return ca.certificates().generation(known.caGeneration()).filter(g -> g.issued(tsa)).isPresent()
                && known.thisUpdate().isBefore(tsa.getNotBefore().toInstant());
    }

    private boolean revokedSince(int generation, Instant thisUpdate) {
        return em.createQuery("select count(c) from Certificate c where c.revokedAt >= :t and c.caGeneration = :g",
                        Long.class).setParameter("t", thisUpdate).setParameter("g", generation).getSingleResult() > 0;
    }

    private CrlPublication newest(int generation) {
        return em.createQuery("select p from CrlPublication p where p.caGeneration = :g order by p.crlNumber desc",
                        CrlPublication.class).setParameter("g", generation)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
    }

    /**
     * Republishes each generation's CRL when its latest (as the database has it, whichever node published it) is
     * past half its validity, so relying parties never hold an expired CRL; a retired generation's until its CA
     * certificate ends, when every certificate it issued has ended too. The credential-upkeep job calls this and
     * gets the current generation's.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrlPublication keepFresh() {
        Instant now = Instant.now();
        CrlPublication current = null;
        for (CaGeneration generation : ca.certificates().generations()) {
            if (generation.number() != ca.certificates().generation()
                    && !generation.issuing().getNotAfter().toInstant().isAfter(now)) {
                continue;
            }
            CrlPublication known = newest(generation.number());
            if (known == null || known.nextUpdate().isBefore(now.plus(Duration.ofHours(validityHours).dividedBy(2)))) {
                LOG.info("Republishing the CRL of CA generation " + generation.number() + " before its nextUpdate");
                known = self.publish(generation.number());
            }
            if (current == null) {
                current = known;
            }
        }
        return current;
    }
}
