package org.medsign.card;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A SoftHSM2 token holding a card's key and certificates, made the way an operator would with {@code softhsm2-util}
 * and OpenSC's {@code pkcs11-tool}, in a token folder of its own (SOFTHSM2_CONF): the PKCS#11 card the agent uses.
 */
public final class SoftHsmCard {

    public static final String LIBRARY = "/usr/lib/softhsm/libsofthsm2.so";
    private static final String SO_PIN = "87654321";

    private final Path conf;
    private final String label;

    private SoftHsmCard(Path conf, String label) {
        this.conf = conf;
        this.label = label;
    }

    public static SoftHsmCard create(Path dir, String label, SoftCard card) throws Exception {
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path conf = Files.writeString(dir.resolve("softhsm2.conf"),
                "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        SoftHsmCard token = new SoftHsmCard(conf, label);
        token.run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", SoftCard.PIN, "--so-pin", SO_PIN);
        Path key = dir.resolve("card-key.pem");
        Files.writeString(key, "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(card.key().getEncoded())
                + "\n-----END PRIVATE KEY-----\n");
        token.run("softhsm2-util", "--import", key.toString(), "--token", label, "--label", "card", "--id", "01",
                "--pin", SoftCard.PIN);
        Files.delete(key);
        for (int i = 0; i < card.chain().size(); i++) {
            Path der = Files.write(dir.resolve("certificate-" + i + ".der"), card.chain().get(i).getEncoded());
            token.run("pkcs11-tool", "--module", LIBRARY, "--token-label", label, "--login", "--pin", SoftCard.PIN,
                    "--write-object", der.toString(), "--type", "cert", "--id", String.format("%02d", i + 1),
                    "--label", i == 0 ? "card" : "ca-" + i);
        }
        return token;
    }

    public Map<String, String> environment() {
        return Map.of("SOFTHSM2_CONF", conf.toString());
    }

    public String label() {
        return label;
    }

    private void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(List.of(command)).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(command[0] + " failed:\n" + output);
        }
    }
}
