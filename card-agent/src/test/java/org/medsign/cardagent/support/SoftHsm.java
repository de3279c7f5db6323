package org.medsign.cardagent.support;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A SoftHSM2 with its own token folder, filled the way an operator would: {@code softhsm2-util} makes the token
 * and imports the PKCS#8 key, {@code pkcs11-tool} writes the certificates. Missing tools fail the test loudly.
 */
public final class SoftHsm {
    public static final String SO_PIN = "87654321";
    public static final String LIBRARY = System.getProperty("softhsm2.library", "/usr/lib/softhsm/libsofthsm2.so");

    private final Path dir;
    private final Path conf;

    private SoftHsm(Path dir, Path conf) {
        this.dir = dir;
        this.conf = conf;
    }

    public static SoftHsm create(Path dir) throws Exception {
        requireTool("softhsm2-util", "softhsm2");
        requireTool("pkcs11-tool", "opensc");
        if (!Files.isRegularFile(Path.of(LIBRARY))) {
            throw new AssertionError("SoftHSM2 library " + LIBRARY + " missing: install the Debian package softhsm2"
                    + " (or set -Dsofthsm2.library)");
        }
        Path tokens = Files.createDirectories(dir.resolve("tokens"));
        Path conf = dir.resolve("softhsm2.conf");
        Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
        return new SoftHsm(dir, conf);
    }

    /** What every process using this SoftHSM2 needs in its environment. */
    public Map<String, String> environment() {
        return Map.of("SOFTHSM2_CONF", conf.toString());
    }

    /** A new token holding the card key (id 01, label "card") and the card and CA certificates. */
    public void addToken(String label, String pin, TestPki.Card card) throws Exception {
        run("softhsm2-util", "--init-token", "--free", "--label", label, "--pin", pin, "--so-pin", SO_PIN);
        Path key = Files.writeString(dir.resolve(label + "-key.pem"), TestPki.pkcs8Pem(card.keys().getPrivate()));
        run("softhsm2-util", "--import", key.toString(), "--token", label, "--label", "card", "--id", "01", "--pin", pin);
        Files.delete(key);
        Path cardDer = Files.write(dir.resolve(label + "-card.der"), card.certificate().getEncoded());
        Path caDer = Files.write(dir.resolve(label + "-ca.der"), card.ca().getEncoded());
        writeCertificate(label, pin, cardDer, "01", "card");
        writeCertificate(label, pin, caDer, "02", "ca");
    }

    private void writeCertificate(String token, String pin, Path der, String id, String objectLabel) throws Exception {
        run("pkcs11-tool", "--module", LIBRARY, "--token-label", token, "--login", "--pin", pin,
                "--write-object", der.toString(), "--type", "cert", "--id", id, "--label", objectLabel);
    }

    private void run(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed:\n" + output);
        }
    }

    private static void requireTool(String tool, String debianPackage) {
        List<String> path = new ArrayList<>(List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)));
        path.addAll(List.of("/usr/bin", "/usr/local/bin"));
        boolean found = path.stream().anyMatch(p -> !p.isEmpty() && Files.isExecutable(Path.of(p, tool)));
        if (!found) {
            throw new AssertionError(tool + " not found: install the Debian package " + debianPackage
                    + " (the SoftHSM2 tests need it; CI installs it)");
        }
    }
}
