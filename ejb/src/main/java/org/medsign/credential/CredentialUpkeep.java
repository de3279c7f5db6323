package org.medsign.credential;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.staff.StaffDirectory;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * The credential-upkeep job's work: certificates past notAfter written down as 已過期, reminders 60, 30 and 7 days
 * before expiry, dead enrolment tickets purged, and the CRL kept fresh. Open to every caller: the job runs without one.
 */
@Stateless
@PermitAll
public class CredentialUpkeep {

    private static final List<CertificateStatus> LIVE = List.of(CertificateStatus.ISSUED, CertificateStatus.DOWNLOADED);

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/mail/medsign")
    Session mail;

    @Inject
    StaffDirectory directory;

    @Inject
    CrlPublisher crls;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    /** Ids of live certificates whose notAfter has passed, after {@code afterId} in order. */
    public List<Long> expired(long afterId, int limit) {
        return em.createQuery("select c.id from Certificate c where c.status in :live and c.notAfter <= :now"
                        + " and c.id > :after order by c.id", Long.class)
                .setParameter("live", LIVE).setParameter("now", Instant.now()).setParameter("after", afterId)
                .setMaxResults(limit).getResultList();
    }

    /** Writes 已過期 on each; returns how many changed (one revoked meanwhile stays revoked). */
    public int expire(List<Long> ids) {
        Instant now = Instant.now();
        int changed = 0;
        for (Long id : ids) {
            Certificate certificate = em.find(Certificate.class, id);
            if (certificate != null && certificate.expire(now)) {
                audit.record(AuditRecord.success(AuditAction.CERTIFICATE_EXPIRED, "system", certificate.serial(), null));
                changed++;
            }
        }
        return changed;
    }

    /** Downloaded certificates whose owner is due an expiry reminder now, after {@code afterId} in order. */
    public List<ExpiryReminder> remindersDue(long afterId, int limit) {
        Instant now = Instant.now();
        // the stage rule in the query too, so that a page holds only due certificates
        return ExpiryStage.bind(em.createQuery("select c from Certificate c where c.status = :s and c.id > :after and "
                        + ExpiryStage.condition() + " order by c.id", Certificate.class), now)
                .setParameter("s", CertificateStatus.DOWNLOADED)
                .setParameter("after", afterId).setMaxResults(limit).getResultStream()
                .flatMap(c -> c.reminderDue(now).stream()
                        .mapToObj(stage -> new ExpiryReminder(c.id(), c.serial(), c.owner(), c.notAfter(), stage)))
                .toList();
    }

    /** Mails one reminder and notes its stage; MS-6009 when there is no address or the mail server refuses it. */
    public void remind(ExpiryReminder reminder) {
        String to = directory.emailOf(reminder.owner()).orElse(null);
        try {
            if (to == null) {
                throw new MessagingException("no e-mail address");
            }
            MimeMessage message = new MimeMessage(mail);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(to, true));
            message.setSubject(ExpiryText.subject(reminder), "UTF-8");
            message.setText(ExpiryText.body(reminder, ZoneId.of(timeZone)), "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            audit.record(AuditRecord.failure(AuditAction.CERTIFICATE_EXPIRY_REMINDED, "system", reminder.serial(),
                    ErrorCode.MAIL_FAILED, null));
            throw new MedsignException(ErrorCode.MAIL_FAILED);
        }
        em.find(Certificate.class, reminder.certificateId()).reminded(reminder.stage());
        audit.record(new AuditRecord(AuditAction.CERTIFICATE_EXPIRY_REMINDED, org.medsign.audit.AuditOutcome.SUCCESS,
                "system", reminder.serial(), null, null, reminder.stage() + " days"));
    }

    /** Deletes enrolment tickets that expired before {@code before}: used, locked or never used, they are dead. */
    public int purgeEnrolmentTickets(Instant before) {
        return em.createQuery("delete from EnrolmentTicket t where t.secret.expiresAt < :before")
                .setParameter("before", before).executeUpdate();
    }

    /** Republishes the CRL when it nears its nextUpdate; returns the number of the CRL now current. */
    public long keepCrlFresh() {
        return crls.keepFresh().crlNumber();
    }
}
