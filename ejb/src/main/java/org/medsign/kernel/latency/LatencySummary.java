package org.medsign.kernel.latency;

/**
 * An operation's calls and latency percentiles in milliseconds. The p-th percentile is the latency at rank
 * max(1, ⌈p·count⌉) of the calls sorted by latency (nearest rank, as HdrHistogram defines it), rounded down to
 * three significant digits; with no call yet, the figures are NaN (no data), never a made-up zero.
 */
public record LatencySummary(long count, double p50Milliseconds, double p95Milliseconds, double p99Milliseconds,
                             double maxMilliseconds) {

    public static final LatencySummary NONE = new LatencySummary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
