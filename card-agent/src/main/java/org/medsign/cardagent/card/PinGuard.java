package org.medsign.cardagent.card;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.backend.PinStatus;

/**
 * The agent's own wrong-PIN counter for soft cards, which never lock by themselves (SoftHSM2 accepts endless
 * tries, PKCS#12 has no counter). Like a smart card it counts a try before checking the PIN and forgives it
 * only after, so killing the agent mid-try does not win a free guess. The count lives in a state file, so a
 * restart does not reset it; the file is read on every use, so {@code --unlock} works while the agent runs.
 */
public final class PinGuard {
    private static final PinGuard DISABLED = new PinGuard(null, null, 0);

    private final Path stateFile;
    private final String cardKey;
    private final int maxTries;

    private PinGuard(Path stateFile, String cardKey, int maxTries) {
        this.stateFile = stateFile;
        this.cardKey = cardKey;
        this.maxTries = maxTries;
    }

    /** For cards that count wrong PINs themselves. */
    public static PinGuard disabled() {
        return DISABLED;
    }

    public static PinGuard persistent(Path stateFile, String cardKey, int maxTries) {
        return new PinGuard(stateFile, cardKey, maxTries);
    }

    public boolean enabled() {
        return stateFile != null;
    }

    public synchronized PinStatus status() throws AgentException {
        if (!enabled()) {
            return PinStatus.UNKNOWN;
        }
        int left = Math.max(0, maxTries - failures());
        return new PinStatus(left, left == 0);
    }

    /**
     * Counts a try before the PIN goes to the card.
     *
     * @return the count before this try, for {@link #forgive}
     */
    public synchronized int beginTry() throws AgentException {
        if (!enabled()) {
            return 0;
        }
        int before = failures();
        if (before >= maxTries) {
            throw locked();
        }
        write(before + 1);
        return before;
    }

    /** The PIN was right: the count starts over. */
    public synchronized void succeeded() throws AgentException {
        reset();
    }

    /** The card failed for another reason than the PIN: the try does not count. */
    public synchronized void forgive(int before) throws AgentException {
        if (enabled()) {
            write(before);
        }
    }

    /** The PIN was wrong: the error the page gets, PIN_LOCKED once no try is left. */
    public synchronized AgentException wrongPin() throws AgentException {
        int left = Math.max(0, maxTries - failures());
        return left == 0 ? locked() : new AgentException(AgentError.PIN_WRONG, "wrong PIN", left);
    }

    /** The {@code --unlock} of a soft card. */
    public synchronized void reset() throws AgentException {
        if (enabled()) {
            write(0);
        }
    }

    private static AgentException locked() {
        return new AgentException(AgentError.PIN_LOCKED,
                "too many wrong PINs: the card is locked until IT unlocks it", 0);
    }

    /** An unreadable count counts as locked: a disk problem must not turn into unlimited guesses. */
    private int failures() throws AgentException {
        Properties state = read();
        String value = state.getProperty(cardKey, "0");
        try {
            return Math.max(0, Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            return maxTries;
        }
    }

    private Properties read() throws AgentException {
        Properties state = new Properties();
        try (InputStream in = Files.newInputStream(stateFile)) {
            state.load(in);
        } catch (NoSuchFileException e) {
            return state;
        } catch (IOException e) {
            throw new AgentException(AgentError.CARD_ERROR, "the PIN counter cannot be read: " + e.getMessage());
        }
        return state;
    }

    private void write(int failures) throws AgentException {
        Properties state = read();
        if (failures == 0) {
            state.remove(cardKey);
        } else {
            state.setProperty(cardKey, Integer.toString(failures));
        }
        try {
            Files.createDirectories(stateFile.getParent());
            Path temp = Files.createTempFile(stateFile.getParent(), "pin-counter", ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temp)) {
                    state.store(out, "medsign card agent: wrong PINs per soft card");
                }
                try {
                    Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, stateFile, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new AgentException(AgentError.CARD_ERROR, "the PIN counter cannot be written: " + e.getMessage());
        }
    }
}
