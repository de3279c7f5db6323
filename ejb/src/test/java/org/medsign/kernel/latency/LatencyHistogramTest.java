package org.medsign.kernel.latency;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void percentilesAreTheNearestRankRoundedDownToThreeDigits() {
        LatencyHistogram histogram = new LatencyHistogram();
        long[] micros = new long[1000];
        Random random = new Random(20);
        for (int i = 0; i < micros.length; i++) {
            // 0.2 ms to 2 s, spread over four decades as real latencies are
            micros[i] = (long) (200 * Math.pow(10, random.nextDouble() * 4));
            histogram.record(micros[i] * 1_000 + 999);
        }
        Arrays.sort(micros);
        LatencySummary summary = histogram.summary();
        assertEquals(1000, summary.count());
        assertNearestRank(micros, 0.50, summary.p50Milliseconds());
        assertNearestRank(micros, 0.95, summary.p95Milliseconds());
        assertNearestRank(micros, 0.99, summary.p99Milliseconds());
        assertNearestRank(micros, 1.00, summary.maxMilliseconds());
    }

    private static void assertNearestRank(long[] sortedMicros, double share, double reportedMillis) {
        double exact = sortedMicros[(int) Math.ceil(share * sortedMicros.length) - 1] / 1_000.0;
        assertTrue(reportedMillis <= exact, share + ": " + reportedMillis + " ≤ " + exact);
        assertTrue(reportedMillis >= exact * 0.999, share + ": " + reportedMillis + " within 0.1% of " + exact);
    }

    @Test
    void aLatencyBeyondAnyBucketIsStillItself() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(3_600_000_000_000L); // an hour
        LatencySummary summary = histogram.summary();
        assertEquals(3_600_000, summary.p95Milliseconds(), 3_600);
        assertEquals(summary.p95Milliseconds(), summary.maxMilliseconds());
    }

    @Test
    void noCallIsNoDataAndAResetStartsAgain() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertEquals(0, histogram.summary().count());
        assertTrue(Double.isNaN(histogram.summary().p50Milliseconds()));
        histogram.record(5_000_000);
        histogram.summary();
        histogram.record(7_000_000);
        histogram.reset();
        assertEquals(0, histogram.summary().count(), "what was recorded before the reset, read or not, is gone");
        histogram.record(2_000_000);
        LatencySummary after = histogram.summary();
        assertEquals(1, after.count());
        assertEquals(2.0, after.p50Milliseconds());
    }
}
