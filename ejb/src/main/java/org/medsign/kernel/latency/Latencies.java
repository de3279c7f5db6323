package org.medsign.kernel.latency;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;

/** The latency histograms of this server's operations; in memory, so a restart starts them again. */
@ApplicationScoped
public class Latencies {

    private final Map<TimedOperation, LatencyHistogram> histograms = new EnumMap<>(TimedOperation.class);

    public Latencies() {
        for (TimedOperation operation : TimedOperation.values()) {
            histograms.put(operation, new LatencyHistogram());
        }
    }

    /**
     * Runs a service call and counts its latency, whether it answers or refuses. Callers time the whole call of the
     * service (its transaction's commit included), where the request's handler makes it.
     */
    public <T> T time(TimedOperation operation, Supplier<T> call) {
        long started = System.nanoTime();
        try {
            return call.get();
        } finally {
            record(operation, System.nanoTime() - started);
        }
    }

    public void record(TimedOperation operation, long nanos) {
        histograms.get(operation).record(nanos);
    }

    public LatencySummary summary(TimedOperation operation) {
        return histograms.get(operation).summary();
    }

    public void reset(TimedOperation operation) {
        histograms.get(operation).reset();
    }
}
