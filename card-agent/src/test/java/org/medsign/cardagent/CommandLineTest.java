package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CommandLineTest {
    @TempDir
    Path dir;

    @Test
    void optionsComeAsPairsOrWithEquals() throws Exception {
        CommandLine line = CommandLine.parse("--port", "0", "--allowed-origins=http://a:1,http://b:2", "--unlock");

        assertEquals("0", line.settings().getProperty("port"));
        assertEquals("http://a:1,http://b:2", line.settings().getProperty("allowed-origins"));
        assertTrue(line.unlock());
        assertFalse(line.help());
    }

    @Test
    void theCommandLineOverridesTheFileWhosePathsAreRelativeToIt() throws Exception {
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "port=17000\npkcs12-file=cards/soft.p12\nstate-dir=/var/lib/agent\n");

        Properties settings = CommandLine.parse("--config", config.toString(), "--port", "17001").settings();

        assertEquals("17001", settings.getProperty("port"));
        assertEquals(dir.resolve("cards/soft.p12").toString(), settings.getProperty("pkcs12-file"));
        assertEquals("/var/lib/agent", settings.getProperty("state-dir"));
    }

    @Test
    void mistakesAreNamed() {
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("--prot", "1"))
                .getMessage().contains("unknown option 'prot'"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("--port"))
                .getMessage().contains("needs a value"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("agent.properties"))
                .getMessage().contains("unexpected argument"));
        assertTrue(assertThrows(ConfigException.class, () -> CommandLine.parse("--config", dir.resolve("none").toString()))
                .getMessage().contains("cannot read config file"));
    }

    @Test
    void unknownKeysInTheFileAreRefused() throws Exception {
        Path config = dir.resolve("agent.properties");
        Files.writeString(config, "prot=1\n");

        assertThrows(ConfigException.class, () -> CommandLine.parse("--config", config.toString()));
    }
}
