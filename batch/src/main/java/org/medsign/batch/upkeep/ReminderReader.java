package org.medsign.batch.upkeep;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.KeysetReader;
import org.medsign.credential.CredentialUpkeep;
import org.medsign.credential.ExpiryReminder;

import java.util.List;

/** Certificates whose owner is due an expiry reminder, by certificate id. */
@Named
@Dependent
public class ReminderReader extends KeysetReader<ExpiryReminder, Long> {

    @Inject
    CredentialUpkeep upkeep;

    public ReminderReader() {
        super(200, Long.MIN_VALUE);
    }

    @Override
    protected List<ExpiryReminder> page(Long after, int limit) {
        return upkeep.remindersDue(after, limit);
    }

    @Override
    protected Long key(ExpiryReminder reminder) {
        return reminder.certificateId();
    }
}
