package org.medsign.kernel.crypto;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * PKCS#12 files the server keeps keys in (the CA, the institution key): written readable by the server's user only,
 * and, when the server made the file itself, a random password kept beside it. Production configures passwords from
 * WildFly's credential store instead.
 */
final class KeyStoreFiles {

    private static final String OWNER_ONLY = "rw-------";

    private KeyStoreFiles() {
    }

    /** An empty PKCS#12 store to fill and {@link #save}. */
    static KeyStore newPkcs12() throws GeneralSecurityException {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void save(Path file, KeyStore store, char[] password) throws GeneralSecurityException {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the key store " + file, e);
        }
    }

    static KeyStore load(Path file, char[] password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the key store " + file + " (wrong password?)", e);
        }
    }

    /** The password kept in {@code file}, made on first use. */
    static char[] generatedPassword(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] random = new byte[24];
                new SecureRandom().nextBytes(random);
                Files.createDirectories(file.getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(random));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(OWNER_ONLY));
            }
            return Files.readString(file).strip().toCharArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
