package org.medsign.ops.jmx;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AlertRulesTest {

    @Test
    void aBacklogAlertsAfterGrowingAtEachWatchAndOncePerStreak() {
        GrowthWatch watch = new GrowthWatch(3);
        assertFalse(watch.grewSteadily(10));
        assertFalse(watch.grewSteadily(20));
        assertFalse(watch.grewSteadily(30));
        assertFalse(watch.grewSteadily(25), "drained a little: the streak starts again");
        assertFalse(watch.grewSteadily(26));
        assertFalse(watch.grewSteadily(27));
        assertTrue(watch.grewSteadily(28));
        assertFalse(watch.grewSteadily(29), "said once per streak");
        assertFalse(watch.grewSteadily(29), "steady is not growing");
    }

    @Test
    void theCrlIsNearItsNextUpdateWithinTheWarning() {
        Instant next = Instant.parse("2026-12-06T00:00:00Z");
        Duration warning = Duration.ofHours(4);
        assertFalse(CertificatesMonitor.nearNextUpdate(next, next.minus(Duration.ofHours(5)), warning));
        assertTrue(CertificatesMonitor.nearNextUpdate(next, next.minus(warning), warning));
        assertTrue(CertificatesMonitor.nearNextUpdate(next, next.plusSeconds(1), warning), "overdue");
    }
}
