package org.medsign.kernel.latency;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/** The latency histograms of this server's operations; in memory, so a restart starts them again. */
@ApplicationScoped
public class Latencies {

    private final Map<Operation, LatencyHistogram> histograms = new EnumMap<>(Operation.class);

    public Latencies() {
        for (Operation operation : Operation.values()) {
            histograms.put(operation, new LatencyHistogram());
        }
    }

    public void record(Operation operation, long nanos) {
        histograms.get(operation).record(nanos);
    }

    public LatencySummary summary(Operation operation) {
        return histograms.get(operation).summary();
    }

    public void reset(Operation operation) {
        histograms.get(operation).reset();
    }
}
