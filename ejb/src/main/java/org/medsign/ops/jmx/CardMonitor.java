package org.medsign.ops.jmx;

import org.medsign.card.validation.CrlFreshness;
import org.medsign.kernel.latency.TimedOperation;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** Card validation's figures, read from its CRL cache. */
public class CardMonitor extends AreaMonitor implements CardMXBean {

    private final MonitoredServices services;

    CardMonitor(MonitoredServices services) {
        super("Card", services.audit(), services.latencies());
        this.services = services;
    }

    @Override
    public int getCardCrlsCached() {
        return services.cards().crlFreshness().size();
    }

    @Override
    public long getCardCrlOldestFetchSeconds() {
        Instant now = Instant.now();
        return services.cards().crlFreshness().stream()
                .mapToLong(crl -> Duration.between(crl.fetchedAt(), now).toSeconds()).max().orElse(-1);
    }

    @Override
    public String getCardCrlEarliestNextUpdate() {
        return services.cards().crlFreshness().stream().map(CrlFreshness::nextUpdate).filter(Objects::nonNull)
                .min(Instant::compareTo).map(Instant::toString).orElse("none");
    }

    @Override
    public int getCardCrlFetchFailures() {
        return (int) services.cards().crlFreshness().stream().filter(crl -> crl.lastFailure() != null).count();
    }

    @Override
    public long getCardLoginCount() {
        return latency(TimedOperation.CARD_LOGIN).count();
    }

    @Override
    public double getCardLoginLatencyP50Milliseconds() {
        return latency(TimedOperation.CARD_LOGIN).p50Milliseconds();
    }

    @Override
    public double getCardLoginLatencyP95Milliseconds() {
        return latency(TimedOperation.CARD_LOGIN).p95Milliseconds();
    }

    @Override
    public double getCardLoginLatencyP99Milliseconds() {
        return latency(TimedOperation.CARD_LOGIN).p99Milliseconds();
    }

    @Override
    public double getCardLoginLatencyMaxMilliseconds() {
        return latency(TimedOperation.CARD_LOGIN).maxMilliseconds();
    }

    @Override
    public void resetLatencies() {
        resetLatencies(TimedOperation.CARD_LOGIN);
    }
}
