package org.medsign.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.error.ErrorCode;
import org.medsign.ticket.TicketSecret;
import org.medsign.kernel.crypto.KeyRing;

import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * Redeems an enrolment ticket and issues the certificate in one transaction that always commits (wrong codes
 * count even when refused; refusals are returned, not thrown). The ticket row lock makes a replay lose.
 */
@Stateless
@PermitAll
public class EnrolmentDesk {

    @PersistenceContext
    EntityManager em;

    @Inject
    CertificateAuthority ca;

    @Inject
    KeyRing ring;

    @Inject
    @ConfigProperty(name = "medsign.certificate.validity-days", defaultValue = "730")
    int validityDays;

    public Outcome redeem(String ticketId, String code, String me, String deviceId, CheckedCsr csr,
                          CertificateHolder holder, URI pkiBase, Instant now) {
        EnrolmentTicket ticket = em.createQuery("select t from EnrolmentTicket t where t.ticketId = :id", EnrolmentTicket.class)
                .setParameter("id", ticketId).setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream().findFirst().orElse(null);
        if (ticket == null) {
            return Outcome.refused(ErrorCode.TICKET_UNKNOWN);
        }
        if (!ticket.owner().equals(me) || !ticket.deviceId().equals(deviceId)) {
            return Outcome.refused(ErrorCode.ENROLMENT_TICKET_NOT_YOURS);
        }
        TicketSecret.Verdict verdict = ticket.secret().check(code, now);
        switch (verdict) {
            case ACCEPTED -> { }
            case WRONG_CODE -> { return Outcome.refused(ErrorCode.TICKET_CODE_WRONG, ticket.secret().triesLeft()); }
            case LOCKED -> { return Outcome.refused(ErrorCode.TICKET_LOCKED); }
            case EXPIRED -> { return Outcome.refused(ErrorCode.TICKET_EXPIRED); }
            case USED -> { return Outcome.refused(ErrorCode.TICKET_USED); }
            case REPLACED -> { return Outcome.refused(ErrorCode.TICKET_REPLACED); }
        }
        if (!em.createQuery("select c.id from Certificate c where c.keyFingerprint = :f")
                .setParameter("f", csr.fingerprint()).getResultList().isEmpty()) {
            return Outcome.refused(ErrorCode.SIGNING_KEY_ALREADY_USED);
        }
        BigInteger serial = Pki.randomSerial();
        Instant notAfter = now.plus(Duration.ofDays(validityDays));
        var x509 = CertificateProfile.issue(ring, ca.organisation(), holder, csr.key(), serial, now, notAfter, pkiBase);
        Certificate certificate = new Certificate(x509, me, deviceId, ticket.application().id(), csr.keyDescription(),
                csr.fingerprint(), now, ca.certificates().issuerOf(x509).map(CaGeneration::number).orElseThrow());
        em.persist(certificate);
        ticket.secret().use(now);
        ticket.application().enrolled();
        return new Outcome(new IssuedCertificate(certificate.serial(), CertificateStatus.ISSUED, now, notAfter), null,
                new Object[0]);
    }

    /** Either the issued certificate or the reason the ticket refused. */
    public record Outcome(IssuedCertificate certificate, ErrorCode refusal, Object[] arguments) {

        static Outcome refused(ErrorCode code, Object... arguments) {
            return new Outcome(null, code, arguments);
        }
    }
}
