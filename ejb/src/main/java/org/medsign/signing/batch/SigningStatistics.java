package org.medsign.signing.batch;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts accepted and refused signatures for IT's view (JMX, Prometheus). The batches' latency is an operation of
 * the kernel's {@code Latencies}, timed where the API calls the service. In memory: a restart starts the counts again.
 */
@ApplicationScoped
public class SigningStatistics {

    private final LongAdder accepted = new LongAdder();
    private final LongAdder refused = new LongAdder();

    void batch(int ok, int bad) {
        accepted.add(ok);
        refused.add(bad);
    }

    public long accepted() {
        return accepted.sum();
    }

    public long refused() {
        return refused.sum();
    }

    @Override
    public String toString() {
        return "accepted " + accepted + ", refused " + refused;
    }
}
