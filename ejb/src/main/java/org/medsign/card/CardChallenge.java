package org.medsign.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A challenge issued to one session for one purpose; used at most once (any presentation uses it up). */
@Entity
@Table(name = "card_challenge")
public class CardChallenge {

    @Id
    @Column(length = 43)
    private String id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private CardPurpose purpose;

    @Column(name = "session_hash", nullable = false, length = 64)
    private String sessionHash;

    @Column(nullable = false, length = 200)
    private String origin;

    @Column(name = "challenge_text", nullable = false, length = 1024)
    private String text;

    @Column(name = "issued_at", nullable = false)
    private Instant issuedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected CardChallenge() {
    }

    CardChallenge(String id, CardPurpose purpose, ChallengeBinding binding, String text, Instant issuedAt,
                  Instant expiresAt) {
        this.id = id;
        this.purpose = purpose;
        this.sessionHash = binding.sessionHash();
        this.origin = binding.origin();
        this.text = text;
        this.issuedAt = issuedAt;
        this.expiresAt = expiresAt;
    }

    /** Uses the challenge up and says whether this presentation may proceed, and if not, why. */
    ChallengeUse use(CardPurpose expected, ChallengeBinding binding, Instant now) {
        if (usedAt != null) {
            return ChallengeUse.refused(ChallengeUse.Outcome.USED);
        }
        usedAt = now;
        if (!now.isBefore(expiresAt)) {
            return ChallengeUse.refused(ChallengeUse.Outcome.EXPIRED);
        }
        if (purpose != expected || !sessionHash.equals(binding.sessionHash())) {
            return ChallengeUse.refused(ChallengeUse.Outcome.FOREIGN);
        }
        if (!origin.equals(binding.origin())) {
            return ChallengeUse.refused(ChallengeUse.Outcome.WRONG_ORIGIN);
        }
        return new ChallengeUse(ChallengeUse.Outcome.ACCEPTED, text.getBytes(StandardCharsets.UTF_8));
    }

    public String id() {
        return id;
    }

    public String text() {
        return text;
    }

    public Instant expiresAt() {
        return expiresAt;
    }
}
