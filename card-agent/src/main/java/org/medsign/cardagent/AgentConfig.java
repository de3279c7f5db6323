package org.medsign.cardagent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * The agent's settings, validated once at start-up. Defaults depend on the back end: soft cards (PKCS#12,
 * SoftHSM2) get simulated card events and the agent's own PIN counter; real cards get neither and a PC/SC watch.
 */
public final class AgentConfig {
    public static final int DEFAULT_PORT = 17380;
    public static final String DEFAULT_ORIGINS = "https://localhost:8443,https://127.0.0.1:8443";

    private static final Set<String> KEYS = Set.of("port", "allowed-origins", "backend", "pkcs11-library",
            "pkcs11-slot", "pkcs11-slot-index", "pkcs11-token-label", "pkcs12-file", "key-alias", "pcsc-reader",
            "pcsc-library", "simulate-card-events", "agent-pin-counter", "pin-tries", "state-dir");
    private static final Set<String> PATH_KEYS = Set.of("pkcs12-file", "state-dir");

    public enum Backend { PKCS11, PKCS12 }

    private final Settings settings;
    private final int port;
    private final List<String> allowedOrigins;
    private final Backend backend;
    private final String pkcs11Library;
    private final Long pkcs11Slot;
    private final Integer pkcs11SlotIndex;
    private final String pkcs11TokenLabel;
    private final Path pkcs12File;
    private final String keyAlias;
    private final String pcscReader;
    private final String pcscLibrary;
    private final boolean simulateCardEvents;
    private final boolean agentPinCounter;
    private final int pinTries;
    private final Path stateDir;

    private AgentConfig(Properties properties) throws ConfigException {
        settings = new Settings(properties);
        port = settings.integer("port", DEFAULT_PORT, 0, 65535);
        allowedOrigins = parseOrigins(settings.text("allowed-origins", DEFAULT_ORIGINS));
        pkcs11Library = settings.text("pkcs11-library", null);
        String p12 = settings.text("pkcs12-file", null);
        pkcs12File = p12 == null ? null : Settings.expandHome(p12);
        backend = chooseBackend(settings.text("backend", null));
        pkcs11Slot = settings.has("pkcs11-slot") ? settings.number("pkcs11-slot", 0, 0, Long.MAX_VALUE) : null;
        pkcs11SlotIndex = settings.has("pkcs11-slot-index") ? settings.integer("pkcs11-slot-index", 0, 0, 1000) : null;
        pkcs11TokenLabel = settings.text("pkcs11-token-label", null);
        if ((pkcs11Slot != null ? 1 : 0) + (pkcs11SlotIndex != null ? 1 : 0) + (pkcs11TokenLabel != null ? 1 : 0) > 1) {
            throw new ConfigException("give at most one of pkcs11-slot, pkcs11-slot-index, pkcs11-token-label");
        }
        keyAlias = settings.text("key-alias", null);
        boolean soft = backend == Backend.PKCS12
                || Path.of(pkcs11Library).getFileName().toString().toLowerCase(Locale.ROOT).contains("softhsm");
        String reader = settings.text("pcsc-reader", soft ? "off" : "auto");
        pcscReader = reader.equalsIgnoreCase("off") ? null : reader;
        if (pcscReader != null && backend == Backend.PKCS12) {
            throw new ConfigException("pcsc-reader needs the pkcs11 back end (a .p12 soft card has no reader)");
        }
        pcscLibrary = settings.text("pcsc-library", null);
        simulateCardEvents = settings.bool("simulate-card-events", soft && pcscReader == null);
        if (simulateCardEvents && pcscReader != null) {
            throw new ConfigException("simulate-card-events must be off when a PC/SC reader is watched");
        }
        agentPinCounter = settings.bool("agent-pin-counter", soft);
        pinTries = settings.integer("pin-tries", 3, 1, 15);
        stateDir = Settings.expandHome(settings.text("state-dir", "~/.medsign-card-agent"));
    }

    public static AgentConfig from(Properties properties) throws ConfigException {
        return new AgentConfig(properties);
    }

    static void requireKnown(String name) throws ConfigException {
        if (!KEYS.contains(name)) {
            throw new ConfigException("unknown option '" + name + "'; known: " + String.join(", ", KEYS.stream().sorted().toList()));
        }
    }

    static boolean isPathSetting(String name) {
        return PATH_KEYS.contains(name);
    }

    private Backend chooseBackend(String explicit) throws ConfigException {
        Backend chosen;
        if (explicit == null) {
            chosen = pkcs12File != null ? Backend.PKCS12 : Backend.PKCS11;
        } else if (explicit.equalsIgnoreCase("pkcs11") || explicit.equalsIgnoreCase("pkcs12")) {
            chosen = Backend.valueOf(explicit.toUpperCase(Locale.ROOT));
        } else {
            throw new ConfigException("backend must be pkcs11 or pkcs12, not '" + explicit + "'");
        }
        if (chosen == Backend.PKCS11 && pkcs11Library == null) {
            throw new ConfigException("the pkcs11 back end needs pkcs11-library (or give pkcs12-file for a soft card)");
        }
        if (chosen == Backend.PKCS12 && pkcs12File == null) {
            throw new ConfigException("the pkcs12 back end needs pkcs12-file");
        }
        return chosen;
    }

    /** Origins as browsers serialise them (scheme://host[:port]), so a plain string comparison is exact. */
    static List<String> parseOrigins(String list) throws ConfigException {
        List<String> origins = new ArrayList<>();
        for (String raw : list.split(",")) {
            String origin = raw.trim().toLowerCase(Locale.ROOT);
            if (origin.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(origin);
                boolean plain = ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                        && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawPath().isEmpty()
                        && uri.getRawQuery() == null && uri.getRawFragment() == null;
                if (!plain) {
                    throw new ConfigException("allowed origin '" + raw.trim() + "' must look like http://host:port (no path)");
                }
            } catch (URISyntaxException e) {
                throw new ConfigException("allowed origin '" + raw.trim() + "' is not a URL: " + e.getMessage());
            }
            origins.add(origin);
        }
        if (origins.isEmpty()) {
            throw new ConfigException("allowed-origins is empty: no portal page could use the agent");
        }
        return List.copyOf(origins);
    }

    /** Names the card for the agent's PIN counter, from settings alone so {@code --unlock} needs no card. */
    public String cardKey() {
        if (backend == Backend.PKCS12) {
            return "pkcs12:" + pkcs12File.toAbsolutePath().normalize();
        }
        String selector = pkcs11TokenLabel != null ? "token=" + pkcs11TokenLabel
                : pkcs11Slot != null ? "slot=" + pkcs11Slot
                : pkcs11SlotIndex != null ? "index=" + pkcs11SlotIndex
                : pcscReader != null ? "reader=" + pcscReader : "index=0";
        return "pkcs11:" + pkcs11Library + "#" + selector;
    }

    public int port() { return port; }
    public List<String> allowedOrigins() { return allowedOrigins; }
    public Backend backend() { return backend; }
    public String pkcs11Library() { return pkcs11Library; }
    public Long pkcs11Slot() { return pkcs11Slot; }
    public Integer pkcs11SlotIndex() { return pkcs11SlotIndex; }
    public String pkcs11TokenLabel() { return pkcs11TokenLabel; }
    public Path pkcs12File() { return pkcs12File; }
    public String keyAlias() { return keyAlias; }
    /** The PC/SC reader to watch ("auto" or a name), or null when PC/SC is off. */
    public String pcscReader() { return pcscReader; }
    public String pcscLibrary() { return pcscLibrary; }
    public boolean simulateCardEvents() { return simulateCardEvents; }
    public boolean agentPinCounter() { return agentPinCounter; }
    public int pinTries() { return pinTries; }
    public Path stateDir() { return stateDir; }
}
