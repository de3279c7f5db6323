package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @Test
    void helpListsTheOptions() {
        assertEquals(0, run("--help"));
        assertTrue(out().contains("--allowed-origins"));
        assertTrue(out().contains("--unlock"));
    }

    @Test
    void badSettingsExitWithTwoAndSayWhy() {
        assertEquals(2, run("--port", "many"));
        assertTrue(err().contains("port must be a number"), err());
    }

    @Test
    void unlockIsOnlyForSoftCards() {
        assertEquals(2, run("--unlock", "--pkcs11-library", "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
                "--state-dir", dir.toString()));
        assertTrue(err().contains("counts wrong PINs itself"), err());
    }

    @Test
    void aTakenPortIsReported() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertEquals(1, run("--pkcs12-file", dir.resolve("c.p12").toString(), "--state-dir", dir.toString(),
                    "--port", Integer.toString(taken.getLocalPort())));
            assertTrue(err().contains("port is taken"), err());
        }
    }

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
