package org.medsign.card;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Slows down whoever keeps failing card checks from one address (MS-2015): {@code medsign.card.max-failures}
 * (default 20) failures within {@code medsign.card.failure-window-minutes} (10) block that address until the oldest
 * failure leaves the window. Wrong PINs are the card's to count; what fails here is everything the server judges
 * (foreign or replayed challenges, bad signatures, untrusted, revoked or unknown cards), each costing a signature
 * check and possibly a CRL fetch. Challenges are limited too, since each one is a row. Counts are per server node.
 */
@ApplicationScoped
public class CardCheckThrottle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    @Inject
    @ConfigProperty(name = "medsign.card.max-failures", defaultValue = "20")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "medsign.card.failure-window-minutes", defaultValue = "10")
    int windowMinutes;

    @Inject
    @ConfigProperty(name = "medsign.card.max-challenges-per-minute", defaultValue = "60")
    int maxChallenges;

    @Inject
    @ConfigProperty(name = "medsign.time-zone", defaultValue = "Asia/Taipei")
    String timeZone;

    private FailureWindow failures;
    private FailureWindow challenges;

    @PostConstruct
    void configure() {
        failures = new FailureWindow(maxFailures, Duration.ofMinutes(windowMinutes), 10_000);
        challenges = new FailureWindow(maxChallenges, Duration.ofMinutes(1), 10_000);
    }

    public void requireAllowed(String address, Instant now) {
        failures.blockedUntil(address, now).ifPresent(until -> {
            throw new MedsignException(ErrorCode.CARD_LOGIN_THROTTLED, TIME.format(until.atZone(ZoneId.of(timeZone))));
        });
    }

    public void challengeIssued(String address, Instant now) {
        requireAllowed(address, now);
        challenges.blockedUntil(address, now).ifPresent(until -> {
            throw new MedsignException(ErrorCode.CARD_LOGIN_THROTTLED, TIME.format(until.atZone(ZoneId.of(timeZone))));
        });
        challenges.record(address, now);
    }

    public void failed(String address, Instant now) {
        failures.record(address, now);
    }
}
