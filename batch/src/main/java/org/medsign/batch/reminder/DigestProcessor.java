package org.medsign.batch.reminder;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.reminder.Reminders;

/** Builds a person's digest; people with fewer pending records than their minimum are filtered out. */
@Named
@Dependent
public class DigestProcessor implements ItemProcessor {

    @Inject
    Reminders reminders;

    @Override
    public Object processItem(Object employeeNumber) {
        return reminders.digest((String) employeeNumber);
    }
}
