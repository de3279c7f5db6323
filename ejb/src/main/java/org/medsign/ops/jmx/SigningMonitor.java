package org.medsign.ops.jmx;

import org.medsign.kernel.latency.TimedOperation;

/** Signing's figures: the counts from the signing service, the latencies from the kernel's histograms. */
public class SigningMonitor extends AreaMonitor implements SigningMXBean {

    private final MonitoredServices services;

    SigningMonitor(MonitoredServices services) {
        super("Signing", services.audit(), services.latencies());
        this.services = services;
    }

    @Override
    public long getSignaturesAccepted() {
        return services.signing().accepted();
    }

    @Override
    public long getSignaturesRefused() {
        return services.signing().refused();
    }

    @Override
    public long getBatchSigningCount() {
        return latency(TimedOperation.BATCH_SIGNING).count();
    }

    @Override
    public double getBatchSigningLatencyP50Milliseconds() {
        return latency(TimedOperation.BATCH_SIGNING).p50Milliseconds();
    }

    @Override
    public double getBatchSigningLatencyP95Milliseconds() {
        return latency(TimedOperation.BATCH_SIGNING).p95Milliseconds();
    }

    @Override
    public double getBatchSigningLatencyP99Milliseconds() {
        return latency(TimedOperation.BATCH_SIGNING).p99Milliseconds();
    }

    @Override
    public double getBatchSigningLatencyMaxMilliseconds() {
        return latency(TimedOperation.BATCH_SIGNING).maxMilliseconds();
    }

    @Override
    public long getPendingListCount() {
        return latency(TimedOperation.PENDING_LIST).count();
    }

    @Override
    public double getPendingListLatencyP50Milliseconds() {
        return latency(TimedOperation.PENDING_LIST).p50Milliseconds();
    }

    @Override
    public double getPendingListLatencyP95Milliseconds() {
        return latency(TimedOperation.PENDING_LIST).p95Milliseconds();
    }

    @Override
    public double getPendingListLatencyP99Milliseconds() {
        return latency(TimedOperation.PENDING_LIST).p99Milliseconds();
    }

    @Override
    public double getPendingListLatencyMaxMilliseconds() {
        return latency(TimedOperation.PENDING_LIST).maxMilliseconds();
    }

    @Override
    public void resetLatencies() {
        resetLatencies(TimedOperation.BATCH_SIGNING, TimedOperation.PENDING_LIST);
    }
}
