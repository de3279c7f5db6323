package org.medsign.signing.longterm;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.bouncycastle.cms.CMSSignedData;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.credential.CaCompromise;
import org.medsign.credential.CertificateAuthority;
import org.medsign.credential.CrlPublisher;
import org.medsign.credential.OcspResponder;
import org.medsign.credential.TimeStampAuthority;
import org.medsign.signing.evidence.CadesLta;
import org.medsign.signing.evidence.EvidenceLevel;
import org.medsign.signing.evidence.SignatureEvidence;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Augments stored signatures to CAdES-BASELINE-LTA once their revocation grace period is over (a revocation that
 * happened before the timestamp had that long to reach the CRL and the responder), in id order, a chunk per
 * transaction: a signature is either still CAdES-T or LTA with all its validation data and its archive timestamp,
 * never half. Later, before the newest archive timestamp's TSA certificate expires and once a later one exists (the
 * TSA's key rolled over), a new archive timestamp covers the old one with its validation data; so it does for every
 * signature archived before the root revoked a CA, to carry the root's CRL that says so. Every kind of stored
 * signature ({@link SignatureKind}: the staff's, the institution's) is kept the same way, one kind per job step.
 */
@Stateless
@PermitAll
public class LongTermEvidence {

    private static final Logger LOG = Logger.getLogger(LongTermEvidence.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateAuthority ca;

    @Inject
    OcspResponder ocsp;

    @Inject
    CrlPublisher crls;

    @Inject
    @Any
    Instance<SignatureKind> kinds;

    @Inject
    TimeStampAuthority tsa;

    @Inject
    CaCompromise compromise;

    /** How long after its timestamp a signature waits before its revocation values are taken. */
    @Inject
    @ConfigProperty(name = "medsign.evidence.revocation-grace", defaultValue = "PT1H")
    Duration grace;

    /** How long before the newest archive timestamp's TSA certificate expires a new archive timestamp is added. */
    @Inject
    @ConfigProperty(name = "medsign.evidence.renew-before", defaultValue = "P365D")
    Duration renewBefore;

    /**
     * Ids of CAdES-T signatures of {@code kind} past their grace period, after {@code after}, in id order; none while
     * the kind is held at CAdES-T (said in the log once per step).
     */
    public List<Long> due(String kind, long after, int limit) {
        SignatureKind k = kind(kind);
        Optional<String> held = k.held();
        if (held.isPresent()) {
            LOG.warning(() -> kind + " signatures stay at CAdES-T: " + held.get());
            return List.of();
        }
        return em.createQuery("select s.id from " + entity(k) + " s where s.level = :t and s.timestampTime < :cut"
                        + " and s.id > :after order by s.id", Long.class)
                .setParameter("t", EvidenceLevel.T).setParameter("cut", Instant.now().minus(grace)).setParameter("after", after)
                .setMaxResults(limit).getResultList();
    }

    /**
     * Adds the validation data (LT) and then an archive timestamp over it all (LTA) to each of {@code ids} still at
     * CAdES-T; how many it augmented.
     */
    public int augment(String kind, List<Long> ids) {
        SignatureKind k = kind(kind);
        EvidenceCollector collector = collector();
        TimeStampAuthority.Stamper stamper = tsa.stamper();
        Instant now = Instant.now();
        int done = 0;
        for (Long id : ids) {
            SignatureEvidence stored = em.find(k.entity(), id);
            if (stored == null || stored.level() != EvidenceLevel.T) {
                continue;
            }
            Optional<X509Certificate> signer = k.signer(stored);
            if (signer.isEmpty()) {
                LOG.warning(() -> kind + " signature " + id + " stays at CAdES-T: medsign's responder does not answer"
                        + " for its certificate " + stored.certificateSerial());
                continue;
            }
            try {
                CMSSignedData signed = new CMSSignedData(stored.cms());
                CMSSignedData lt = CadesLt.withValidationData(signed, collector.collect(signed, signer.get()));
                CMSSignedData lta = CadesLta.withArchiveTimestamp(lt, HexFormat.of().parseHex(stored.digest()), stamper::stamp);
                stored.archived(lta.getEncoded(), stamper.certificate().getNotAfter().toInstant(), now);
            } catch (org.bouncycastle.cms.CMSException | java.io.IOException e) {
                throw new IllegalStateException("signature " + id + " cannot be read", e);
            }
            done++;
        }
        return done;
    }

    /**
     * Ids of LTA signatures, after {@code after} in id order, whose newest archive timestamp's TSA certificate expires
     * within the renewal period, and later than the current TSA certificate does not: renewing gains time. And those
     * archived before the root revoked a CA: renewing puts the root's CRL that says so into their evidence, under a
     * timestamp that proves they existed before.
     */
    public List<Long> renewalDue(String kind, long after, int limit) {
        Instant current = tsa.certificate().getNotAfter().toInstant();
        Instant horizon = Instant.now().plus(renewBefore);
        return em.createQuery("select s.id from " + entity(kind(kind)) + " s where s.level = :lta and s.id > :after"
                        + " and ((s.archiveUntil < :horizon and s.archiveUntil < :current) or s.augmentedAt < :revoked)"
                        + " order by s.id", Long.class)
                .setParameter("lta", EvidenceLevel.LTA).setParameter("horizon", horizon).setParameter("current", current)
                .setParameter("revoked", caRevokedSince()).setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /** When medsign last learnt that the root revoked a CA; the epoch when it never did. */
    private Instant caRevokedSince() {
        return compromise.lastLearnt().orElse(Instant.EPOCH);
    }

    /**
     * Renews each of {@code ids}: the validation data of its newest archive timestamp's TSA and the root's current
     * CRL, then a new archive timestamp over it all, which indexes the earlier one; how many it renewed.
     */
    public int renew(String kind, List<Long> ids) {
        Class<? extends SignatureEvidence> entity = kind(kind).entity();
        EvidenceCollector collector = collector();
        TimeStampAuthority.Stamper stamper = tsa.stamper();
        Instant until = stamper.certificate().getNotAfter().toInstant();
        Instant revoked = caRevokedSince();
        Instant now = Instant.now();
        int done = 0;
        for (Long id : ids) {
            SignatureEvidence stored = em.find(entity, id);
            if (stored == null || stored.level() != EvidenceLevel.LTA
                    || !(until.isAfter(stored.archiveUntil()) || stored.augmentedAt().isBefore(revoked))) {
                continue;
            }
            try {
                CMSSignedData signed = new CMSSignedData(stored.cms());
                List<org.bouncycastle.tsp.TimeStampToken> archives = CadesLta.archiveTimestamps(signed);
                CMSSignedData covered = CadesLt.withValidationData(signed,
                        collector.forTimestamp(archives.get(archives.size() - 1)));
                CMSSignedData renewed = CadesLta.withArchiveTimestamp(covered, HexFormat.of().parseHex(stored.digest()),
                        stamper::stamp);
                stored.archived(renewed.getEncoded(), until, now);
            } catch (org.bouncycastle.cms.CMSException | java.io.IOException e) {
                throw new IllegalStateException("signature " + id + " cannot be read", e);
            }
            done++;
        }
        return done;
    }

    private EvidenceCollector collector() {
        return new EvidenceCollector(ca.certificates(), ocsp::respond, ca.rootCrl(), g -> crls.current(g).encoded());
    }

    private SignatureKind kind(String name) {
        for (SignatureKind k : kinds) {
            if (k.name().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("no kind of signature called " + name);
    }

    private String entity(SignatureKind kind) {
        return em.getMetamodel().entity(kind.entity()).getName();
    }

    /**
     * How many signatures of every kind wait for their validation data, since when the oldest does (its timestamp),
     * and how many of them stay at CAdES-T as long as their kind is held.
     */
    public Backlog backlog() {
        Instant cut = Instant.now().minus(grace);
        long count = 0;
        long held = 0;
        Optional<Instant> oldest = Optional.empty();
        for (SignatureKind k : kinds) {
            long waiting = em.createQuery("select count(s) from " + entity(k) + " s where s.level = :t"
                    + " and s.timestampTime < :cut", Long.class).setParameter("t", EvidenceLevel.T).setParameter("cut", cut)
                    .getSingleResult();
            count += waiting;
            held += k.held().isPresent() ? waiting : 0;
            // the converter does not apply to min(): the first by id is the oldest waiting (ids follow signing)
            Optional<Instant> first = em.createQuery("select s.timestampTime from " + entity(k) + " s where s.level = :t"
                            + " and s.timestampTime < :cut order by s.id", Instant.class)
                    .setParameter("t", EvidenceLevel.T).setParameter("cut", cut).setMaxResults(1).getResultStream().findFirst();
            if (first.isPresent() && oldest.map(o -> first.get().isBefore(o)).orElse(true)) {
                oldest = first;
            }
        }
        return new Backlog(count, oldest, held);
    }

    /**
     * Signatures past their grace period still at CAdES-T, the oldest one's timestamp, and how many of them are of a
     * kind held at CAdES-T (their certificate is not medsign's to answer for).
     */
    public record Backlog(long count, Optional<Instant> oldest, long held) {

        public long ageSeconds(Instant now) {
            return oldest.map(o -> Math.max(0, Duration.between(o, now).getSeconds())).orElse(0L);
        }
    }
}
