package org.medsign.credential;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The server's half of a web app's signing key (issue 19): the PIN verifier's digest, the sealed secret that the app
 * needs beside its PIN to unwrap the key, and the count of wrong PINs. Three wrong PINs are free; each further one
 * locks for 1, 5, 30 minutes, then 24 hours, as medsign-mobile counts on the phone.
 */
@Entity
@Table(name = "signing_pin_guard")
public class PinGuard {

    static final int FREE_TRIES = 3;
    private static final Duration[] LOCKS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(24)};

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "signing_pin_guard_seq")
    @SequenceGenerator(name = "signing_pin_guard_seq", sequenceName = "signing_pin_guard_seq", allocationSize = 50)
    private Long id;

    @Column(name = "certificate_serial", nullable = false, unique = true, length = 40)
    private String certificateSerial;

    @Column(nullable = false, length = 16)
    private String owner;

    @Column(name = "verifier_hash", nullable = false, length = 64)
    private String verifierHash;

    @Column(name = "sealed_secret", nullable = false)
    private byte[] sealedSecret;

    @Column(nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected PinGuard() {
    }

    PinGuard(String certificateSerial, String owner, byte[] verifier, byte[] sealedSecret, Instant createdAt) {
        this.certificateSerial = certificateSerial;
        this.owner = owner;
        this.verifierHash = digest(verifier);
        this.sealedSecret = sealedSecret.clone();
        this.createdAt = createdAt;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    Instant lockedUntil() {
        return lockedUntil;
    }

    /** Compares in constant time; a wrong verifier is counted, a right one clears the count. */
    boolean check(byte[] verifier, Instant now) {
        if (MessageDigest.isEqual(digest(verifier).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                verifierHash.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            failures = 0;
            lockedUntil = null;
            return true;
        }
        failures++;
        if (failures >= FREE_TRIES) {
            lockedUntil = now.plus(LOCKS[Math.min(failures - FREE_TRIES, LOCKS.length - 1)]);
        }
        return false;
    }

    int triesLeft() {
        return Math.max(0, FREE_TRIES - failures);
    }

    byte[] sealedSecret() {
        return sealedSecret.clone();
    }

    String owner() {
        return owner;
    }

    private static String digest(byte[] verifier) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(verifier));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
