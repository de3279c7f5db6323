package org.medsign.credential;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The password of a key store that the server created itself (development CA, institution key): random, kept in a
 * file only the server's user can read. Production configures its passwords from WildFly's credential store instead.
 */
public final class KeyStorePassword {

    private KeyStorePassword() {
    }

    /** The password kept in {@code file}, made on first use. */
    public static char[] generated(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(random));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
