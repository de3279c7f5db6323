package org.medsign.kernel.latency;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One operation's latencies since start or the last reset, in microseconds, three significant digits. Writers
 * never block (HdrHistogram's {@link Recorder}); a reader folds what was recorded since its last read into the
 * running total.
 */
public final class LatencyHistogram {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final Recorder recorder = new Recorder(SIGNIFICANT_DIGITS);
    private final Histogram total = new Histogram(SIGNIFICANT_DIGITS);
    private Histogram interval;

    public void record(long nanos) {
        recorder.recordValue(Math.max(0, nanos / 1_000));
    }

    public synchronized LatencySummary summary() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        long count = total.getTotalCount();
        if (count == 0) {
            return LatencySummary.NONE;
        }
        return new LatencySummary(count, millis(total.getValueAtPercentile(50)), millis(total.getValueAtPercentile(95)),
                millis(total.getValueAtPercentile(99)), millis(total.getMaxValue()));
    }

    public synchronized void reset() {
        interval = recorder.getIntervalHistogram(interval);
        total.reset();
    }

    /**
     * HdrHistogram answers the highest value of the recorded value's bucket; the lowest one is never above the
     * latency really measured, so a client's own timing of the same calls bounds these figures from above.
     */
    private double millis(long micros) {
        return total.lowestEquivalentValue(micros) / 1_000.0;
    }
}
