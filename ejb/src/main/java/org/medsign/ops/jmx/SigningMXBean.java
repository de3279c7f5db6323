package org.medsign.ops.jmx;

/**
 * {@code org.medsign:type=Signing}: signatures accepted and refused, and the latency of the two operations of
 * 批次簽章 (the pending list, a batch of signatures), in milliseconds since start or the last reset. A percentile
 * is the nearest-rank value of the calls, to three significant digits; NaN while there was no call.
 */
public interface SigningMXBean {

    long getSignaturesAccepted();

    long getSignaturesRefused();

    long getBatchSigningCount();

    double getBatchSigningLatencyP50Milliseconds();

    double getBatchSigningLatencyP95Milliseconds();

    double getBatchSigningLatencyP99Milliseconds();

    double getBatchSigningLatencyMaxMilliseconds();

    long getPendingListCount();

    double getPendingListLatencyP50Milliseconds();

    double getPendingListLatencyP95Milliseconds();

    double getPendingListLatencyP99Milliseconds();

    double getPendingListLatencyMaxMilliseconds();

    /** Starts the latency figures of batch signing and the pending list again (audited). */
    void resetLatencies();
}
