package org.medsign.card;

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
 * check and possibly a CRL fetch. Challenges are limited too, since each one is a row. The counts are in the database
 * ({@link ThrottleLedger}), one for all nodes of a cluster: alternating nodes gains an address no tries.
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

    @Inject
    ThrottleLedger ledger;

    static final String FAILURE = "CARD_FAILURE";
    static final String CHALLENGE = "CARD_CHALLENGE";

    public void requireAllowed(String address, Instant now) {
        ledger.blockedUntil(FAILURE, address, maxFailures, Duration.ofMinutes(windowMinutes), now).ifPresent(this::refuse);
    }

    public void challengeIssued(String address, Instant now) {
        requireAllowed(address, now);
        ledger.blockedUntil(CHALLENGE, address, maxChallenges, Duration.ofMinutes(1), now).ifPresent(this::refuse);
        ledger.record(CHALLENGE, address, now);
    }

    public void failed(String address, Instant now) {
        ledger.record(FAILURE, address, now);
    }

    private void refuse(Instant until) {
        throw new MedsignException(ErrorCode.CARD_LOGIN_THROTTLED, TIME.format(until.atZone(ZoneId.of(timeZone))));
    }
}
