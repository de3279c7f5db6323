package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.card.CardPresence;
import org.medsign.device.DeviceKeys;
import org.medsign.device.DeviceView;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.Role;
import org.medsign.ticket.TicketCode;
import org.medsign.ticket.TicketUri;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

/**
 * 申請憑證 (M10–M13): with the card's evidence, the chosen bound device and the accepted statement, an
 * application is recorded and an enrolment ticket issued. A newer application for the same device
 * replaces the open one (its ticket stops working).
 */
@Stateless
@RolesAllowed({Role.STAFF_NAME, Role.IT_ADMIN_NAME, Role.AUDITOR_NAME})
public class CertificateApplications {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext caller;

    @Inject
    DeviceKeys devices;

    @Inject
    AuditLog audit;

    @Inject
    CardPresence presence;

    @Inject
    @ConfigProperty(name = "medsign.statement.version", defaultValue = "2026-01")
    String statementVersion;

    @Inject
    @ConfigProperty(name = "medsign.enrolment.ticket-minutes", defaultValue = "30")
    int ticketMinutes;

    public String statementVersion() {
        return statementVersion;
    }

    /** {@code ceremonyId}: the caller's proven card ceremony (M12) for {@link CardEvidence#APPLICATION_CONTEXT}. */
    public IssuedEnrolment apply(String deviceId, String acceptedStatement, String ceremonyId, URI server) {
        String me = caller.getCallerPrincipal().getName();
        DeviceView device;
        CardEvidence evidence;
        try {
            if (deviceId == null || deviceId.isBlank()) {
                throw new MedsignException(ErrorCode.DEVICE_CHOICE_REQUIRED);
            }
            device = devices.boundDevice(deviceId, me);
            if (!statementVersion.equals(acceptedStatement)) {
                throw new MedsignException(ErrorCode.STATEMENT_NOT_ACCEPTED);
            }
            if (ceremonyId == null || ceremonyId.isBlank()) {
                throw new MedsignException(ErrorCode.CARD_PRESENCE_REQUIRED);
            }
            evidence = CardEvidence.of(presence.redeem(ceremonyId), CardEvidence.APPLICATION_CONTEXT);
        } catch (MedsignException e) {
            audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_APPLIED, me, deviceId, e.errorCode(), null));
            throw e;
        }
        em.createQuery("select a from CertificateApplication a where a.applicant = :me and a.deviceId = :d and a.status = :s",
                        CertificateApplication.class)
                .setParameter("me", me).setParameter("d", deviceId).setParameter("s", ApplicationStatus.OPEN)
                .getResultStream().forEach(CertificateApplication::replaced);
        em.createQuery("select t from EnrolmentTicket t where t.owner = :me and t.deviceId = :d", EnrolmentTicket.class)
                .setParameter("me", me).setParameter("d", deviceId)
                .getResultStream().forEach(t -> t.secret().replace());
        Instant now = Instant.now();
        CertificateApplication application = new CertificateApplication(me, deviceId, statementVersion,
                evidence.sealedCardCertificate(), evidence.signatures(), now);
        em.persist(application);
        String code = TicketCode.newCode();
        EnrolmentTicket ticket = new EnrolmentTicket(TicketCode.newTicketId(), application, code, now,
                Duration.ofMinutes(ticketMinutes));
        em.persist(ticket);
        audit.record(AuditRecord.success(AuditAction.CERTIFICATE_APPLIED, me, application.publicId(), null));
        return new IssuedEnrolment(application.publicId(), ticket.ticketId(),
                new TicketUri("enrol", server, ticket.ticketId()).format(), code, deviceId, device.name(),
                ticket.secret().expiresAt());
    }
}
