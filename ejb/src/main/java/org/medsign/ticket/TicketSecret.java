package org.medsign.ticket;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.Duration;
import java.time.Instant;

/**
 * The one-time part of a ticket, embedded in each kind of ticket: the hashed code, its expiry, the count
 * of wrong codes and the status. The rules are the same for binding and enrolment tickets.
 */
@Embeddable
public class TicketSecret {

    public static final int MAX_WRONG_CODES = 5;

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "code_salt", nullable = false, length = 32)
    private String codeSalt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private TicketStatus status;

    @Column(name = "wrong_codes", nullable = false)
    private int wrongCodes;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected TicketSecret() {
    }

    public TicketSecret(String code, Instant now, Duration lifetime) {
        this.codeSalt = TicketCode.newSalt();
        this.codeHash = TicketCode.hash(code, codeSalt);
        this.status = TicketStatus.ISSUED;
        this.issuedAt = now;
        this.expiresAt = now.plus(lifetime);
    }

    /** The status as of now: an issued ticket past its expiry is expired even before anyone writes it down. */
    public TicketStatus statusAt(Instant now) {
        return status == TicketStatus.ISSUED && !now.isBefore(expiresAt) ? TicketStatus.EXPIRED : status;
    }

    /** Checks a typed code. A wrong one counts; the fifth wrong one locks the ticket for good. */
    public Verdict check(String typed, Instant now) {
        TicketStatus current = statusAt(now);
        if (current != TicketStatus.ISSUED) {
            status = current;
            return Verdict.of(current);
        }
        if (TicketCode.matches(typed, codeSalt, codeHash)) {
            return Verdict.ACCEPTED;
        }
        wrongCodes++;
        if (wrongCodes >= MAX_WRONG_CODES) {
            status = TicketStatus.LOCKED;
            return Verdict.LOCKED;
        }
        return Verdict.WRONG_CODE;
    }

    public void use(Instant now) {
        status = TicketStatus.USED;
        usedAt = now;
    }

    public void replace() {
        if (status == TicketStatus.ISSUED) {
            status = TicketStatus.REPLACED;
        }
    }

    public int triesLeft() {
        return Math.max(0, MAX_WRONG_CODES - wrongCodes);
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public Instant issuedAt() {
        return issuedAt;
    }

    public Instant usedAt() {
        return usedAt;
    }

    /** The outcome of typing a code. */
    public enum Verdict {
        ACCEPTED, WRONG_CODE, LOCKED, EXPIRED, USED, REPLACED;

        static Verdict of(TicketStatus status) {
            return switch (status) {
                case USED -> USED;
                case EXPIRED -> EXPIRED;
                case LOCKED -> LOCKED;
                case REPLACED -> REPLACED;
                case ISSUED -> throw new IllegalArgumentException("an issued ticket has no verdict yet");
            };
        }
    }
}
