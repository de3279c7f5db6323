package org.medsign.batch.scan;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.medsign.signing.pending.PendingScan;
import org.medsign.signing.pending.ScanPlan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * One partition per day of the window, newest day first (the days people are working on). Built from the stored
 * plan, so a restart gets the same partitions and each resumes from its own checkpoint.
 */
@Named
@Dependent
public class DayPartitions implements PartitionMapper {

    @Inject
    JobContext job;

    @Inject
    PendingScan scan;

    @Inject
    @BatchProperty
    String threads;

    @Override
    public PartitionPlan mapPartitions() {
        ScanPlan plan = scan.plan(job.getInstanceId(), null);
        List<Properties> days = days(plan.windowStart(), plan.windowEnd());
        PartitionPlanImpl partitions = new PartitionPlanImpl();
        partitions.setPartitions(days.size());
        partitions.setThreads(threads == null || threads.isBlank() ? 2 : Integer.parseInt(threads));
        partitions.setPartitionProperties(days.toArray(new Properties[0]));
        return partitions;
    }

    /** [from, to) ranges of a day each from {@code end} back to {@code start}; the oldest is cut at the start. */
    static List<Properties> days(Instant start, Instant end) {
        List<Properties> days = new ArrayList<>();
        Instant to = end;
        while (to.isAfter(start)) {
            Instant from = to.minus(Duration.ofDays(1));
            if (from.isBefore(start)) {
                from = start;
            }
            Properties p = new Properties();
            p.setProperty("from", from.toString());
            p.setProperty("to", to.toString());
            days.add(p);
            to = from;
        }
        return days;
    }
}
