package org.medsign.batch.upkeep;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.MailWriter;
import org.medsign.credential.CredentialUpkeep;
import org.medsign.credential.ExpiryReminder;

/** Mails each expiry reminder; one that cannot be sent stays due for the next run. */
@Named
@Dependent
public class ReminderWriter extends MailWriter<ExpiryReminder> {

    @Inject
    CredentialUpkeep upkeep;

    @Override
    protected void send(ExpiryReminder reminder) {
        upkeep.remind(reminder);
    }

    @Override
    protected String reference(ExpiryReminder reminder) {
        return reminder.serial();
    }

    @Override
    protected String notSent() {
        return "expiry reminder not sent";
    }
}
