package org.medsign.batch.reminder;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.MailWriter;
import org.medsign.reminder.ReminderDigest;
import org.medsign.reminder.Reminders;

/** Mails each digest; a refused mail leaves that person's day open for the next run. */
@Named
@Dependent
public class DigestWriter extends MailWriter<ReminderDigest> {

    @Inject
    Reminders reminders;

    @Override
    protected void send(ReminderDigest digest) {
        reminders.send(digest);
    }

    @Override
    protected String reference(ReminderDigest digest) {
        return digest.employeeNumber();
    }

    @Override
    protected String notSent() {
        return "reminder mail not sent";
    }
}
