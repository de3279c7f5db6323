package org.medsign.cardagent.backend;

import java.io.IOException;
import java.security.AuthProvider;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.ProviderException;
import java.security.Security;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.security.auth.login.LoginException;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.ConfigException;

/**
 * A card behind a PKCS#11 library (the card vendor's middleware, OpenSC, or SoftHSM2 in tests), used through
 * the JDK's SunPKCS11. Opening the key store with the PIN is the PIN check.
 */
public final class Pkcs11Backend implements CardBackend {
    private static final Logger LOG = Logger.getLogger(Pkcs11Backend.class.getName());

    private final String library;
    private final Long slotId;
    private final Integer slotIndex;
    private final String tokenLabel;
    private final Supplier<String> pcscReader;
    private final String keyAlias;
    private final Pkcs11Slots slots;
    private final Map<Long, AuthProvider> providers = new ConcurrentHashMap<>();

    /**
     * @param pcscReader the name of the watched PC/SC reader (null while none is seen), or null when PC/SC is
     *                   off; the slot whose description names that reader is used
     */
    public Pkcs11Backend(String library, Long slotId, Integer slotIndex, String tokenLabel,
                         Supplier<String> pcscReader, String keyAlias) throws ConfigException {
        this.library = library;
        this.slotId = slotId;
        this.slotIndex = slotIndex;
        this.tokenLabel = tokenLabel;
        this.pcscReader = pcscReader;
        this.keyAlias = keyAlias;
        this.slots = new Pkcs11Slots(library);
    }

    @Override
    public String type() {
        return "pkcs11";
    }

    @Override
    public boolean readerPresent() {
        try {
            selectSlot();
            return true;
        } catch (AgentException e) {
            return e.error() != AgentError.NO_READER;
        }
    }

    @Override
    public boolean cardPresent() {
        try {
            return selectSlot().tokenPresent();
        } catch (AgentException e) {
            return false;
        }
    }

    @Override
    public PinStatus pinStatus() {
        try {
            Pkcs11Slots.Slot slot = selectSlot();
            return slot.tokenPresent() ? slot.pinStatus() : PinStatus.UNKNOWN;
        } catch (AgentException e) {
            return PinStatus.UNKNOWN;
        }
    }

    @Override
    public SignResult sign(byte[] data, char[] pin) throws AgentException {
        Pkcs11Slots.Slot slot = selectSlot();
        if (!slot.tokenPresent()) {
            throw new AgentException(AgentError.CARD_ABSENT, "no card in the reader");
        }
        AuthProvider provider = provider(slot.id());
        try {
            KeyStore store = KeyStore.getInstance("PKCS11", provider);
            try {
                store.load(null, pin);
            } catch (IOException | GeneralSecurityException e) {
                throw loginFailure(e);
            }
            return CardKeys.sign(store, keyAlias, null, data, provider);
        } catch (GeneralSecurityException e) {
            throw new AgentException(AgentError.CARD_ABSENT, "the card is not ready: " + e.getMessage());
        } finally {
            logout(provider);
        }
    }

    /** Chooses by slot id, token label, PC/SC reader name, then slot index (default: the first slot). */
    Pkcs11Slots.Slot selectSlot() throws AgentException {
        List<Pkcs11Slots.Slot> all = slots.list();
        if (all.isEmpty()) {
            throw new AgentException(AgentError.NO_READER, "the PKCS#11 library sees no reader");
        }
        if (slotId != null) {
            return all.stream().filter(s -> s.id() == slotId).findFirst()
                    .orElseThrow(() -> new AgentException(AgentError.NO_READER, "PKCS#11 slot " + slotId + " not found"));
        }
        if (tokenLabel != null) {
            return all.stream().filter(s -> s.tokenPresent() && tokenLabel.equals(s.tokenLabel())).findFirst()
                    .orElseThrow(() -> new AgentException(AgentError.CARD_ABSENT, "no card labelled '" + tokenLabel + "'"));
        }
        if (pcscReader != null) {
            String reader = pcscReader.get();
            if (reader == null) {
                throw new AgentException(AgentError.NO_READER, "no PC/SC card reader found");
            }
            for (Pkcs11Slots.Slot slot : all) {
                if (namesReader(slot.description(), reader)) {
                    return slot;
                }
            }
        }
        int index = slotIndex == null ? 0 : slotIndex;
        if (index >= all.size()) {
            throw new AgentException(AgentError.NO_READER, "PKCS#11 slot index " + index + " not found");
        }
        return all.get(index);
    }

    /** Slot descriptions are reader names cut to 64 characters by the PKCS#11 structure. */
    static boolean namesReader(String slotDescription, String readerName) {
        return !slotDescription.isEmpty()
                && (readerName.startsWith(slotDescription) || slotDescription.startsWith(readerName));
    }

    private AuthProvider provider(long slot) throws AgentException {
        AuthProvider existing = providers.get(slot);
        if (existing != null) {
            return existing;
        }
        // SunPKCS11's config syntax treats backslashes in quoted values as escapes; Windows accepts '/'
        String config = "--name=medsign-slot-" + slot + "\n"
                + "library=\"" + library.replace('\\', '/') + "\"\n"
                + "slot=" + slot + "\n"
                + "insertionCheckInterval=200\n";
        try {
            AuthProvider created = (AuthProvider) Security.getProvider("SunPKCS11").configure(config);
            providers.put(slot, created);
            return created;
        } catch (ProviderException e) {
            throw new AgentException(AgentError.CARD_ERROR, "the card cannot be used: " + e.getMessage());
        }
    }

    /** SunPKCS11 skips the login while a session is logged in, so without this a wrong PIN would pass. */
    private static void logout(AuthProvider provider) {
        try {
            provider.logout();
        } catch (LoginException e) {
            LOG.log(Level.FINE, "logout after a card operation failed", e);
        }
    }

    private AgentException loginFailure(Exception e) {
        AgentError error = LoginFailures.classify(e);
        if (error == AgentError.PIN_WRONG) {
            PinStatus now = pinStatus();
            return now.locked() ? new AgentException(AgentError.PIN_LOCKED, "the card PIN is locked", 0)
                    : new AgentException(AgentError.PIN_WRONG, "wrong PIN", now.triesLeft());
        }
        if (error == AgentError.PIN_LOCKED) {
            return new AgentException(AgentError.PIN_LOCKED, "the card PIN is locked", 0);
        }
        if (error == AgentError.CARD_ABSENT) {
            return new AgentException(AgentError.CARD_ABSENT, "the card was removed");
        }
        return new AgentException(AgentError.CARD_ERROR, "the card could not be opened: " + e.getMessage());
    }
}
