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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * Publishes the CA's CRL: after revocations (once committed; a burst gets one CRL), when the current one nears its
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
    private volatile CrlPublication latest;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrlPublication publish() {
        Instant now = Instant.now();
        List<Certificate> revoked = em.createQuery("select c from Certificate c where c.status = :s order by c.revokedAt",
                Certificate.class).setParameter("s", CertificateStatus.REVOKED).getResultList();
        X509Certificate issuing = ca.certificates().issuing();
        Instant next = now.plus(Duration.ofHours(validityHours));
        CrlPublication publication = new CrlPublication(now, next, revoked.size());
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
            byte[] encoded = ring.signCrl(builder);
            publication.signed(encoded);
            latest = publication;
            audit.record(AuditRecord.success(AuditAction.CRL_PUBLISHED, "system", "CRL " + number, null));
            return publication;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot publish the CRL", e);
        }
    }

    /**
     * The current CRL. It is published now when none exists, when it is stale, or when a certificate was revoked
     * after it was made (a relying party never gets a CRL that misses a committed revocation).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public CrlPublication current() {
        CrlPublication known = latest;
        // another node of a cluster may have published since: the newest number in the database decides
        Long newest = em.createQuery("select max(p.crlNumber) from CrlPublication p", Long.class).getSingleResult();
        if (known == null || (newest != null && newest > known.crlNumber())) {
            known = em.createQuery("select p from CrlPublication p order by p.crlNumber desc", CrlPublication.class)
                    .setMaxResults(1).getResultStream().findFirst().orElse(null);
        }
        if (known == null || !known.nextUpdate().isAfter(Instant.now()) || revokedSince(known.thisUpdate())
                || predatesTheTsaCertificate(known)) {
            return self.publish();
        }
        latest = known;
        return known;
    }

    /**
     * A new CRL shortly after a revocation has committed (not before: the CRL must include it). A burst of
     * revocations — superseded certificates during a mass enrolment, a staff member's devices — gets one CRL;
     * {@link #current()} does not wait for it.
     */
    public void onRevocation(@Observes(during = TransactionPhase.AFTER_SUCCESS) CertificateRevoked revoked) {
        if (publishing.compareAndSet(false, true)) {
            scheduler.schedule(() -> {
                publishing.set(false);
                self.publish();
            }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** A CRL older than a certificate says nothing about it (validators reject it): the TSA's, after a renewal. */
    private boolean predatesTheTsaCertificate(CrlPublication known) {
        return known.thisUpdate().isBefore(ca.certificates().tsa().getNotBefore().toInstant());
    }

    private boolean revokedSince(Instant thisUpdate) {
        return em.createQuery("select count(c) from Certificate c where c.revokedAt >= :t", Long.class)
                .setParameter("t", thisUpdate).getSingleResult() > 0;
    }

    /**
     * Republishes when the latest CRL (as the database has it, whichever node published it) is past half its
     * validity, so relying parties never hold an expired CRL. The credential-upkeep job calls this.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public CrlPublication keepFresh() {
        CrlPublication known = em.createQuery("select p from CrlPublication p order by p.crlNumber desc", CrlPublication.class)
                .setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (known == null || known.nextUpdate().isBefore(Instant.now().plus(Duration.ofHours(validityHours).dividedBy(2)))) {
            LOG.info("Republishing the CRL before its nextUpdate");
            return self.publish();
        }
        return known;
    }
}
