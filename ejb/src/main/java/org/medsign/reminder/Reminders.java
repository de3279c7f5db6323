package org.medsign.reminder;

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
import org.medsign.signing.overdue.DeadlineSummary;
import org.medsign.signing.overdue.SigningDeadlines;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * The signing-reminders job's work: who is due a digest now (enabled, their time of day passed, none sent today),
 * what it says, and sending it through {@code java:jboss/mail/medsign}. Open to every caller: the job runs without one.
 */
@Stateless
@PermitAll
public class Reminders {

    private static final int LINES = 20;

    @PersistenceContext
    EntityManager em;

    @Resource(lookup = "java:jboss/mail/medsign")
    Session mail;

    @Inject
    SigningDeadlines deadlines;

    @Inject
    AuditLog audit;

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    /** Employee numbers due a digest now, after {@code after} in order (the job's reader walks them). */
    public List<String> due(String after, int limit) {
        ZonedDateTime now = ZonedDateTime.now(ZoneId.of(timeZone));
        String time = LocalTime.of(now.getHour(), now.getMinute()).toString();
        return em.createQuery("select s.employeeNumber from ReminderSettings s where s.enabled = true"
                        + " and s.employeeNumber > :after and s.sendAt <= :time"
                        + " and (s.lastSentOn is null or s.lastSentOn < :today) order by s.employeeNumber", String.class)
                .setParameter("after", after).setParameter("time", time).setParameter("today", now.toLocalDate())
                .setMaxResults(limit).getResultList();
    }

    /** The digest for a person, or null when fewer records wait than they asked to be told about. */
    public ReminderDigest digest(String employeeNumber) {
        ReminderSettings settings = em.find(ReminderSettings.class, employeeNumber);
        if (settings == null || !settings.choice().enabled()) {
            return null;
        }
        DeadlineSummary summary = deadlines.summaryOf(employeeNumber, LINES);
        return summary.pending() < settings.choice().minPending() ? null
                : new ReminderDigest(employeeNumber, settings.choice().email(), summary);
    }

    /** Sends one digest and marks today done; MS-6009 when the mail server refuses it (the day stays open). */
    public void send(ReminderDigest digest) {
        LocalDate today = LocalDate.now(ZoneId.of(timeZone));
        try {
            MimeMessage message = new MimeMessage(mail);
            message.setRecipients(Message.RecipientType.TO, InternetAddress.parse(digest.email(), true));
            message.setSubject(ReminderText.subject(digest.summary()), "UTF-8");
            message.setText(ReminderText.body(digest.summary(), ZoneId.of(timeZone)), "UTF-8");
            Transport.send(message);
        } catch (MessagingException e) {
            audit.record(AuditRecord.failure(AuditAction.REMINDER_SENT, "system", digest.employeeNumber(),
                    ErrorCode.MAIL_FAILED, null));
            throw new MedsignException(ErrorCode.MAIL_FAILED);
        }
        ReminderSettings settings = em.find(ReminderSettings.class, digest.employeeNumber());
        settings.sent(today);
        audit.record(AuditRecord.success(AuditAction.REMINDER_SENT, "system", digest.employeeNumber(), null));
    }
}
