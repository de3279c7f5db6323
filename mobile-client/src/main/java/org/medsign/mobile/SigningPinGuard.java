package org.medsign.mobile;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts wrong signing PINs on the phone and locks signing for longer and longer after the third (1, 5, 30 minutes,
 * then 24 hours), so a stolen phone's key store cannot be guessed at. 忘記PIN碼 means a new key (README).
 */
public final class SigningPinGuard {

    private static final Duration[] LOCKS = {Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofMinutes(30),
            Duration.ofHours(24)};
    private static final int FREE_TRIES = 3;
    private static final String FILE = "pin-state.json";

    private final Path home;
    private final ObjectMapper json;

    public SigningPinGuard(Path home, ObjectMapper json) {
        this.home = home;
        this.json = json;
    }

    /** Opens the signing key with the PIN, counting a wrong one; MS-5015 wrong (tries left), MS-5016 locked. */
    public KeyPair open(char[] pin) {
        State state = load();
        Instant now = Instant.now();
        if (state.lockedUntil() != null && now.isBefore(state.lockedUntil())) {
            throw ClientFailure.of("MS-5016", "signing is locked until " + state.lockedUntil());
        }
        try {
            KeyPair key = DeviceKeyStore.read(home.resolve(CertificateFetcher.SIGNING_STORE), pin, CertificateFetcher.SIGNING_KEY);
            save(new State(0, null));
            return key;
        } catch (IllegalArgumentException wrongPin) {
            int failures = state.failures() + 1;
            Instant lockedUntil = failures >= FREE_TRIES
                    ? now.plus(LOCKS[Math.min(failures - FREE_TRIES, LOCKS.length - 1)]) : null;
            save(new State(failures, lockedUntil));
            throw ClientFailure.of(lockedUntil == null ? "MS-5015" : "MS-5016", lockedUntil == null
                    ? "wrong signing PIN; " + (FREE_TRIES - failures) + " tries before signing locks"
                    : "wrong signing PIN; signing is locked until " + lockedUntil);
        }
    }

    private State load() {
        Path file = home.resolve(FILE);
        try {
            return Files.exists(file) ? json.readValue(file.toFile(), State.class) : new State(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void save(State state) {
        try {
            json.writeValue(home.resolve(FILE).toFile(), state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the phone remembers about wrong PINs. */
    public record State(int failures, Instant lockedUntil) {
    }
}
