package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditOutcome;
import org.medsign.audit.AuditRecord;
import org.medsign.card.CardPresence;
import org.medsign.device.DeviceRemoved;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;

/**
 * 憑證清單 and revocation: a person lists and revokes their own certificates (a lost phone); IT finds and
 * revokes anyone's with an RFC 5280 reason; removing a device revokes what was issued to it.
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class CertificateRegistry {

    private static final List<CertificateStatus> LIVE = List.of(CertificateStatus.ISSUED, CertificateStatus.DOWNLOADED);

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    AuditLog audit;

    @Inject
    CardPresence presence;

    @Inject
    Event<CertificateRevoked> revocations;

    public List<CertificateView> myCertificates() {
        return of(me());
    }

    public byte[] myCertificate(String serial) {
        Certificate certificate = find(serial);
        if (certificate == null || !certificate.owner().equals(me())) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_FOUND);
        }
        return certificate.encoded();
    }

    /**
     * A person revokes their own certificate (lost phone), after confirming with their card in the portal:
     * {@code ceremonyId} is their proven ceremony for {@link CardEvidence#revocationContext} of this serial.
     */
    public CertificateView revokeMine(String serial, String ceremonyId) {
        Certificate certificate = find(serial);
        if (certificate == null || !certificate.owner().equals(me())) {
            audit.record(AuditRecord.denied(AuditAction.CERTIFICATE_REVOKED, me(), serial, ErrorCode.CERTIFICATE_NOT_FOUND, null));
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_FOUND);
        }
        try {
            if (ceremonyId == null || ceremonyId.isBlank()) {
                throw new MedsignException(ErrorCode.CARD_PRESENCE_REQUIRED);
            }
            CardEvidence.of(presence.redeem(ceremonyId), CardEvidence.revocationContext(certificate.serial()));
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_REVOKED, me(), serial, e.errorCode(), null));
            throw e;
        }
        return revoke(certificate, RevocationReason.KEY_COMPROMISE);
    }

    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<CertificateView> search(String text, int max) {
        String q = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        return em.createQuery("select c from Certificate c where lower(c.owner) = :q or c.serial = :q or :q = ''"
                        + " order by c.issuedAt desc", Certificate.class)
                .setParameter("q", q).setMaxResults(max)
                .getResultStream().map(Certificate::view).toList();
    }

    /** One person's certificates, newest first, for IT's person page. */
    @RolesAllowed({Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
    public List<CertificateView> certificatesOf(String employeeNumber) {
        return of(employeeNumber);
    }

    @RolesAllowed(Role.IT_ADMIN_NAME)
    public CertificateView revokeAsIt(String serial, RevocationReason reason) {
        return revokeAsIt(serial, reason, null);
    }

    /**
     * IT revokes a certificate; for a key compromise IT may say since when the key was out of its owner's hands (a
     * phone stolen on Monday, reported on Wednesday). Validators are then told that time, so signatures made with
     * the key after it fail; it must lie within the certificate's life and not in the future (MS-4015).
     */
    @RolesAllowed(Role.IT_ADMIN_NAME)
    public CertificateView revokeAsIt(String serial, RevocationReason reason, Instant compromisedSince) {
        Certificate certificate = find(serial);
        if (certificate == null) {
            throw new MedsignException(ErrorCode.CERTIFICATE_NOT_FOUND);
        }
        RevocationReason why = reason == null ? RevocationReason.UNSPECIFIED : reason;
        if (compromisedSince != null && (why != RevocationReason.KEY_COMPROMISE
                || !certificate.couldBeCompromisedAt(compromisedSince, Instant.now()))) {
            audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_REVOKED, me(), serial,
                    ErrorCode.COMPROMISE_TIME_INVALID, null));
            throw new MedsignException(ErrorCode.COMPROMISE_TIME_INVALID);
        }
        return revoke(certificate, why, compromisedSince);
    }

    /** Certificates by status, for IT's monitoring (JMX); counts only, no personal data. */
    @PermitAll
    public Map<CertificateStatus, Long> countByStatus() {
        Instant now = Instant.now();
        Map<CertificateStatus, Long> counts = new EnumMap<>(CertificateStatus.class);
        for (CertificateStatus status : CertificateStatus.values()) {
            counts.put(status, 0L);
        }
        em.createQuery("select c.status, count(c) from Certificate c where c.status not in :live or c.notAfter > :now"
                        + " group by c.status", Object[].class)
                .setParameter("live", LIVE).setParameter("now", now)
                .getResultStream().forEach(row -> counts.put((CertificateStatus) row[0], (Long) row[1]));
        counts.merge(CertificateStatus.EXPIRED, em.createQuery(
                "select count(c) from Certificate c where c.status in :live and c.notAfter <= :now", Long.class)
                .setParameter("live", LIVE).setParameter("now", now).getSingleResult(), Long::sum);
        return counts;
    }

    /** Removing a device (by its owner or IT) revokes its certificates in the same transaction. */
    @PermitAll
    public void onDeviceRemoved(@Observes DeviceRemoved removed) {
        Instant now = Instant.now();
        em.createQuery("select c from Certificate c where c.deviceId = :d and c.status in :live", Certificate.class)
                .setParameter("d", removed.deviceId()).setParameter("live", LIVE)
                .getResultStream()
                .filter(c -> c.revoke(RevocationReason.CESSATION_OF_OPERATION, now))
                .forEach(c -> {
                    revocations.fire(new CertificateRevoked(c.serial(), RevocationReason.CESSATION_OF_OPERATION));
                    audit.record(AuditRecord.success(AuditAction.CERTIFICATE_REVOKED, removed.owner(), c.serial(), null));
                });
    }

    /** The root revoked a CA generation: every certificate it issued that is still live dies with it. */
    @PermitAll
    public void onCaRevoked(@Observes CaCompromise.CaRevoked revoked) {
        Instant now = Instant.now();
        em.createQuery("select c from Certificate c where c.caGeneration = :g and c.status in :live", Certificate.class)
                .setParameter("g", revoked.generation()).setParameter("live", LIVE)
                .getResultStream()
                .filter(c -> c.revoke(RevocationReason.CA_COMPROMISE, now))
                .forEach(c -> {
                    revocations.fire(new CertificateRevoked(c.serial(), RevocationReason.CA_COMPROMISE));
                    audit.record(new AuditRecord(AuditAction.CERTIFICATE_REVOKED, AuditOutcome.SUCCESS, revoked.by(),
                            c.serial(), null, null, RevocationReason.CA_COMPROMISE.name()));
                });
    }

    private CertificateView revoke(Certificate certificate, RevocationReason reason) {
        return revoke(certificate, reason, null);
    }

    private CertificateView revoke(Certificate certificate, RevocationReason reason, Instant compromisedSince) {
        if (!certificate.revoke(reason, Instant.now(), compromisedSince)) {
            audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_REVOKED, me(), certificate.serial(),
                    ErrorCode.CERTIFICATE_ALREADY_REVOKED, null));
            throw new MedsignException(ErrorCode.CERTIFICATE_ALREADY_REVOKED);
        }
        revocations.fire(new CertificateRevoked(certificate.serial(), reason));
        audit.record(new AuditRecord(AuditAction.CERTIFICATE_REVOKED, AuditOutcome.SUCCESS, me(), certificate.serial(),
                null, null, reason.name() + (compromisedSince == null ? "" : ", key compromised since " + compromisedSince)));
        return certificate.view();
    }

    private List<CertificateView> of(String owner) {
        return em.createQuery("select c from Certificate c where c.owner = :o order by c.issuedAt desc", Certificate.class)
                .setParameter("o", owner).getResultStream().map(Certificate::view).toList();
    }

    private Certificate find(String serial) {
        return em.createQuery("select c from Certificate c where c.serial = :s", Certificate.class)
                .setParameter("s", serial == null ? "" : serial.strip().toLowerCase(Locale.ROOT))
                .getResultStream().findFirst().orElse(null);
    }

    private String me() {
        return caller.getCallerPrincipal().getName();
    }
}
