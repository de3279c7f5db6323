package org.medsign.batch.reminder;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.KeysetReader;
import org.medsign.reminder.Reminders;

import java.util.List;

/** The people due a reminder now, by employee number. */
@Named
@Dependent
public class DueReader extends KeysetReader<String, String> {

    @Inject
    Reminders reminders;

    public DueReader() {
        super(200, "");
    }

    @Override
    protected List<String> page(String after, int limit) {
        return reminders.due(after, limit);
    }

    @Override
    protected String key(String employeeNumber) {
        return employeeNumber;
    }
}
