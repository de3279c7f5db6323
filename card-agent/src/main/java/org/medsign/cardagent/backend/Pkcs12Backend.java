package org.medsign.cardagent.backend;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;

/**
 * A "soft card": a PKCS#12 file whose password is the PIN, for demos and tests. The file being readable is
 * the card being in the reader; PKCS#12 counts no wrong passwords, so the agent's own counter does.
 */
public final class Pkcs12Backend implements CardBackend {
    private final Path file;
    private final String keyAlias;

    public Pkcs12Backend(Path file, String keyAlias) {
        this.file = file;
        this.keyAlias = keyAlias;
    }

    @Override
    public String type() {
        return "pkcs12";
    }

    @Override
    public boolean readerPresent() {
        return true;
    }

    @Override
    public boolean cardPresent() {
        return Files.isRegularFile(file) && Files.isReadable(file);
    }

    @Override
    public PinStatus pinStatus() {
        return PinStatus.UNKNOWN;
    }

    @Override
    public SignResult sign(byte[] data, char[] pin) throws AgentException {
        KeyStore store;
        try (InputStream in = Files.newInputStream(file)) {
            store = KeyStore.getInstance("PKCS12");
            store.load(in, pin);
        } catch (NoSuchFileException e) {
            throw new AgentException(AgentError.CARD_ABSENT, "the soft card file is missing");
        } catch (IOException | GeneralSecurityException e) {
            if (LoginFailures.classify(e) == AgentError.PIN_WRONG) {
                throw new AgentException(AgentError.PIN_WRONG, "wrong PIN");
            }
            throw new AgentException(AgentError.CARD_ERROR, "the soft card cannot be read: " + e.getMessage());
        }
        return CardKeys.sign(store, keyAlias, pin, data, null);
    }
}
