package org.medsign.batch.deadline;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.batch.KeysetReader;
import org.medsign.signing.overdue.OverdueRecord;
import org.medsign.signing.overdue.SigningDeadlines;

import java.util.List;

/** Pending record versions past the 24-hour deadline and not handed over yet, by record id. */
@Named
@Dependent
public class OverdueReader extends KeysetReader<OverdueRecord, Long> {

    @Inject
    SigningDeadlines deadlines;

    public OverdueReader() {
        super(500, Long.MIN_VALUE);
    }

    @Override
    protected List<OverdueRecord> page(Long after, int limit) {
        return deadlines.newlyOverdue(after, limit);
    }

    @Override
    protected Long key(OverdueRecord record) {
        return record.recordId();
    }
}
