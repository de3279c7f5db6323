package org.medsign.privacy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.kernel.crypto.KeyDirectory;
import org.medsign.kernel.crypto.KeyIdentities;

import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Seals personal identifiers with AES-256-GCM and digests them with a keyed HMAC so they can be found
 * without being readable. The key comes from {@code medsign.data-key} (production: an expression resolved
 * from WildFly's credential store) or, on the embedded default, from a file created on first start in the
 * {@link KeyDirectory}. All nodes of a cluster must seal with the same key: {@link KeyIdentities} compares its check
 * value with the one the database recorded.
 */
@ApplicationScoped
public class PersonalDataVault {

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    @ConfigProperty(name = "medsign.data-key")
    Optional<String> configuredKey;

    @Inject
    KeyIdentities identities;

    private SecretKeySpec sealKey;
    private SecretKeySpec digestKey;

    @PostConstruct
    void loadKeys() {
        Optional<byte[]> configured = configuredKey.filter(k -> !k.isBlank()).map(k -> Base64.getDecoder().decode(k.strip()));
        Path file = KeyDirectory.of().resolve("data.key");
        byte[][] master = new byte[1][];
        // the file is made, if at all, while this node holds the data key's row: two first starts make one key
        identities.ensureOne(KeyIdentities.DATA_KEY, () -> {
            master[0] = configured.orElseGet(() -> Files.exists(file) ? keyFile(file) : null);
            return master[0] == null ? null : checkValue(master[0]);
        }, () -> checkValue(master[0] = keyFile(file)), configured.isPresent() ? "medsign.data-key" : file.toString());
        if (master[0].length != 32) {
            throw new IllegalStateException("medsign.data-key must be 32 bytes, base64-encoded");
        }
        sealKey = new SecretKeySpec(derive(master[0], "seal"), "AES");
        digestKey = new SecretKeySpec(derive(master[0], "digest"), "HmacSHA256");
    }

    /** What the database records of the data key: a keyed digest of a constant, which reveals nothing of the key. */
    private static String checkValue(byte[] master) {
        return HexFormat.of().formatHex(derive(master, "check"));
    }

    public byte[] seal(String value) {
        try {
            byte[] iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, sealKey, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(value.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot seal personal data", e);
        }
    }

    public String unseal(byte[] sealed) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, sealKey, new GCMParameterSpec(128, sealed, 0, IV_BYTES));
            return new String(cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot unseal personal data (wrong medsign.data-key?)", e);
        }
    }

    /** A stable keyed digest: equal inputs give equal digests, and the digest reveals nothing without the key. */
    public String digest(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(digestKey);
            return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot digest personal data", e);
        }
    }

    private static byte[] derive(byte[] master, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(master, "HmacSHA256"));
            return mac.doFinal(("medsign/" + purpose).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized byte[] keyFile(Path file) {
        try {
            if (Files.exists(file)) {
                return Base64.getDecoder().decode(Files.readString(file).strip());
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            RANDOM.nextBytes(key);
            Files.writeString(file, Base64.getEncoder().encodeToString(key));
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the data key " + file, e);
        }
    }
}
