package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class AgentConfigTest {
    private static final String OPENSC = "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so";
    private static final String SOFTHSM = "/usr/lib/softhsm/libsofthsm2.so";

    @Test
    void aSoftCardGetsSimulationAndTheAgentsCounter() throws Exception {
        AgentConfig config = config("pkcs12-file", "/tmp/card.p12");

        assertEquals(AgentConfig.Backend.PKCS12, config.backend());
        assertEquals(17380, config.port());
        assertEquals(List.of("https://localhost:8443", "https://127.0.0.1:8443"), config.allowedOrigins());
        assertTrue(config.simulateCardEvents());
        assertTrue(config.agentPinCounter());
        assertNull(config.pcscReader());
        assertEquals(3, config.pinTries());
        assertEquals(Path.of(System.getProperty("user.home"), ".medsign-card-agent"), config.stateDir());
    }

    @Test
    void softHsmCountsAsASoftCard() throws Exception {
        AgentConfig config = config("pkcs11-library", SOFTHSM);

        assertEquals(AgentConfig.Backend.PKCS11, config.backend());
        assertTrue(config.simulateCardEvents());
        assertTrue(config.agentPinCounter());
        assertNull(config.pcscReader());
    }

    @Test
    void aRealCardIsWatchedOverPcscAndNeverSimulated() throws Exception {
        AgentConfig config = config("pkcs11-library", OPENSC);

        assertEquals("auto", config.pcscReader());
        assertFalse(config.simulateCardEvents());
        assertFalse(config.agentPinCounter());
        assertThrows(ConfigException.class, () -> config("pkcs11-library", OPENSC, "simulate-card-events", "true"));
        assertTrue(config("pkcs11-library", OPENSC, "pcsc-reader", "off", "simulate-card-events", "true")
                .simulateCardEvents());
    }

    @Test
    void theBackEndNeedsItsCard() {
        assertThrows(ConfigException.class, () -> config());
        assertThrows(ConfigException.class, () -> config("backend", "pkcs12", "pkcs11-library", SOFTHSM));
        assertThrows(ConfigException.class, () -> config("backend", "jks", "pkcs12-file", "/tmp/c.p12"));
        assertThrows(ConfigException.class, () -> config("pkcs12-file", "/tmp/c.p12", "pcsc-reader", "auto"));
        assertThrows(ConfigException.class,
                () -> config("pkcs11-library", SOFTHSM, "pkcs11-slot", "1", "pkcs11-token-label", "card"));
    }

    @Test
    void numbersAndSwitchesAreChecked() {
        assertThrows(ConfigException.class, () -> config("pkcs12-file", "/c.p12", "port", "70000"));
        assertThrows(ConfigException.class, () -> config("pkcs12-file", "/c.p12", "port", "http"));
        assertThrows(ConfigException.class, () -> config("pkcs12-file", "/c.p12", "pin-tries", "0"));
        assertThrows(ConfigException.class, () -> config("pkcs12-file", "/c.p12", "agent-pin-counter", "yes"));
    }

    @Test
    void originsAreBareAndLowerCase() throws Exception {
        assertEquals(List.of("https://portal.example", "http://localhost:8080"),
                AgentConfig.parseOrigins(" HTTPS://Portal.Example , http://localhost:8080,"));
        assertThrows(ConfigException.class, () -> AgentConfig.parseOrigins("http://localhost:8080/portal"));
        assertThrows(ConfigException.class, () -> AgentConfig.parseOrigins("*"));
        assertThrows(ConfigException.class, () -> AgentConfig.parseOrigins("file:///tmp"));
        assertThrows(ConfigException.class, () -> AgentConfig.parseOrigins(" , "));
    }

    @Test
    void theCardKeyNamesTheCardNotTheRun() throws Exception {
        assertEquals("pkcs11:" + SOFTHSM + "#token=medsign",
                config("pkcs11-library", SOFTHSM, "pkcs11-token-label", "medsign").cardKey());
        assertEquals("pkcs12:/tmp/card.p12", config("pkcs12-file", "/tmp/x/../card.p12").cardKey());
        assertNotEquals(config("pkcs11-library", SOFTHSM, "pkcs11-slot-index", "1").cardKey(),
                config("pkcs11-library", SOFTHSM).cardKey());
    }

    @Test
    void theHomeDirectoryIsExpanded() throws Exception {
        AgentConfig config = config("pkcs12-file", "~/cards/c.p12", "state-dir", "~/agent");

        assertEquals(Path.of(System.getProperty("user.home"), "cards/c.p12"), config.pkcs12File());
        assertEquals(Path.of(System.getProperty("user.home"), "agent"), config.stateDir());
    }

    private static AgentConfig config(String... pairs) throws ConfigException {
        Properties properties = new Properties();
        for (int i = 0; i < pairs.length; i += 2) {
            properties.setProperty(pairs[i], pairs[i + 1]);
        }
        return AgentConfig.from(properties);
    }
}
