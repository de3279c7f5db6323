package org.medsign.signing.batch;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts accepted and refused signatures and keeps the batch latencies (per signature) in a small histogram, for
 * IT's JMX view. In memory: a restart starts the figures again.
 */
@ApplicationScoped
public class SigningStatistics {

    /** Bucket upper bounds in microseconds per signature. */
    private static final long[] BOUNDS = {100, 200, 500, 1_000, 2_000, 5_000, 10_000, 50_000, 100_000, Long.MAX_VALUE};

    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();
    private final AtomicLongArray buckets = new AtomicLongArray(BOUNDS.length);

    void batch(int ok, int bad, long nanos) {
        accepted.add(ok);
        refused.add(bad);
        int items = ok + bad;
        if (items > 0) {
            long micros = nanos / 1000 / items;
            int bucket = 0;
            while (micros > BOUNDS[bucket]) {
                bucket++;
            }
            buckets.addAndGet(bucket, items);
        }
    }

    public long accepted() {
        return accepted.sum();
    }

    public long refused() {
        return refused.sum();
    }

    /** The latency per signature, in microseconds, below which the given share (0..1) of signatures fell. */
    public long percentileMicros(double share) {
        long[] counts = new long[BOUNDS.length];
        long total = 0;
        for (int i = 0; i < counts.length; i++) {
            counts[i] = buckets.get(i);
            total += counts[i];
        }
        long wanted = (long) Math.ceil(total * share);
        long running = 0;
        for (int i = 0; i < counts.length; i++) {
            running += counts[i];
            if (running >= wanted && total > 0) {
                return BOUNDS[i];
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return "accepted " + accepted + ", refused " + refused + ", buckets " + Arrays.toString(BOUNDS);
    }
}
