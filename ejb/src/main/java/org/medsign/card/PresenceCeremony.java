package org.medsign.card;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;

/** One run of "PIN, pull the card out, insert it again, PIN" (M12) by one person in one session. */
@Entity
@Table(name = "card_presence")
public class PresenceCeremony {

    @Id
    @Column(length = 22)
    private String id;

    @Column(name = "employee_number", nullable = false, length = 16)
    private String employeeNumber;

    @Column(name = "session_hash", nullable = false, length = 64)
    private String sessionHash;

    @Column(nullable = false, length = 200)
    private String origin;

    @Column(length = 200)
    private String context;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private PresenceStatus status;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "first_challenge", nullable = false, length = 43)
    private String firstChallenge;

    @Column(name = "first_text", nullable = false, length = 1024)
    private String firstText;

    @Column(name = "second_challenge", length = 43)
    private String secondChallenge;

    @Column(name = "second_text", length = 1024)
    private String secondText;

    @Column(name = "card_sha256", length = 64)
    private String cardSha256;

    @Column(name = "card_certificate")
    private byte[] cardCertificate;

    @Column(length = 20)
    private String algorithm;

    @Column(name = "first_signature")
    private byte[] firstSignature;

    @Column(name = "second_signature")
    private byte[] secondSignature;

    @Column(name = "agent_seq")
    private Long agentSeq;

    @Column(name = "agent_events", length = 400)
    private String agentEvents;

    @Column(name = "revocation_checked")
    private Boolean revocationChecked;

    @Column(name = "first_signed_at")
    private Instant firstSignedAt;

    @Column(name = "proven_at")
    private Instant provenAt;

    @Column(name = "redeemed_at")
    private Instant redeemedAt;

    @Version
    private long version;

    protected PresenceCeremony() {
    }

    PresenceCeremony(String id, String employeeNumber, ChallengeBinding binding, String context, Instant now,
                     Instant expiresAt, IssuedChallenge first) {
        this.id = id;
        this.employeeNumber = employeeNumber;
        this.sessionHash = binding.sessionHash();
        this.origin = binding.origin();
        this.context = context;
        this.status = PresenceStatus.STARTED;
        this.startedAt = now;
        this.expiresAt = expiresAt;
        this.firstChallenge = first.challengeId();
        this.firstText = first.text();
    }

    boolean ownedBy(String employee, String session) {
        return employeeNumber.equals(employee) && sessionHash.equals(session);
    }

    String origin() {
        return origin;
    }

    /** {@code sealedCertificate}: the card certificate sealed by the personal-data vault (it holds the national ID). */
    void firstSigned(VerifiedAssertion first, byte[] sealedCertificate, long seq, IssuedChallenge second, Instant now) {
        cardCertificate = sealedCertificate.clone();
        cardSha256 = first.card().fingerprint();
        algorithm = first.algorithm();
        firstSignature = first.signature();
        revocationChecked = first.card().revocationChecked();
        agentSeq = seq;
        firstSignedAt = now;
        secondChallenge = second.challengeId();
        secondText = second.text();
        status = PresenceStatus.FIRST_SIGNED;
    }

    void proven(VerifiedAssertion second, String events, Instant now) {
        secondSignature = second.signature();
        revocationChecked = revocationChecked && second.card().revocationChecked();
        agentEvents = events;
        provenAt = now;
        status = PresenceStatus.PROVEN;
    }

    PresenceProof redeem(Instant now) {
        status = PresenceStatus.REDEEMED;
        redeemedAt = now;
        return proof();
    }

    PresenceProof proof() {
        return new PresenceProof(id, employeeNumber, context, cardCertificate.clone(), cardSha256, algorithm, firstText,
                firstSignature.clone(), secondText, secondSignature.clone(), agentEvents, Boolean.TRUE.equals(revocationChecked),
                startedAt, firstSignedAt, provenAt);
    }

    public String id() {
        return id;
    }

    PresenceStatus status() {
        return status;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant provenAt() {
        return provenAt;
    }

    String secondChallenge() {
        return secondChallenge;
    }

    String context() {
        return context;
    }

    String cardSha256() {
        return cardSha256;
    }

    long agentSeq() {
        return agentSeq == null ? 0 : agentSeq;
    }

    String firstChallenge() {
        return firstChallenge;
    }

    byte[] firstSignature() {
        return firstSignature.clone();
    }
}
