package org.medsign.mobile;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The phone's key store, a PKCS#12 file protected by a password: the device key (made on the phone, never
 * sent) and, later, the signing key. PKCS#12 needs a certificate beside each key; until the CA issues one,
 * the key carries a self-signed placeholder that no one else ever sees.
 */
public final class DeviceKeyStore {

    public static final String DEVICE_KEY = "device";
    /** One Bouncy Castle instance for the client's signatures (creating one costs about 100 ms). */
    static final Provider BC = new BouncyCastleProvider();

    private DeviceKeyStore() {
    }

    public static KeyPair newKeyPair(String algorithm) {
        try {
            if ("RSA".equals(algorithm)) {
                KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
                rsa.initialize(2048);
                return rsa.generateKeyPair();
            }
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            return ec.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void store(Path file, char[] password, String alias, KeyPair pair) {
        try {
            KeyStore store = Files.exists(file) ? load(file, password) : empty();
            store.setKeyEntry(alias, pair.getPrivate(), password, new Certificate[]{placeholder(pair)});
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static KeyPair read(Path file, char[] password, String alias) {
        try {
            KeyStore store = load(file, password);
            PrivateKey key = (PrivateKey) store.getKey(alias, password);
            if (key == null) {
                throw new IllegalStateException("No key '" + alias + "' in " + file);
            }
            return new KeyPair(store.getCertificate(alias).getPublicKey(), key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 with ECDSA or RSA, by key type: what the server expects for proofs and signatures. */
    public static byte[] sign(PrivateKey key, byte[] message) {
        try {
            // Bouncy Castle signs P-256 several times faster than the JDK 17 SunEC
            Signature signer = Signature.getInstance(key instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA", BC);
            signer.initSign(key);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256Hex(byte[] data) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Stores a key with its real certificate chain (after download), replacing any placeholder. */
    public static void storeWithChain(Path file, char[] password, String alias, PrivateKey key, X509Certificate[] chain) {
        try {
            KeyStore store = Files.exists(file) ? load(file, password) : empty();
            store.setKeyEntry(alias, key, password, chain);
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, password);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The certificate chain stored with a key (a placeholder until the download). */
    public static X509Certificate[] chain(Path file, char[] password, String alias) {
        try {
            Certificate[] chain = load(file, password).getCertificateChain(alias);
            if (chain == null) {
                throw new IllegalStateException("No key '" + alias + "' in " + file);
            }
            return java.util.Arrays.copyOf(chain, chain.length, X509Certificate[].class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyStore load(Path file, char[] password) throws GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot open the key store " + file + " (wrong password?)", e);
        }
    }

    private static KeyStore empty() throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        return store;
    }

    private static X509Certificate placeholder(KeyPair pair) throws GeneralSecurityException {
        X500Name name = new X500Name("CN=medsign device key placeholder");
        Instant now = Instant.now();
        try {
            String algorithm = pair.getPrivate() instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
            return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    BigInteger.valueOf(now.toEpochMilli()), Date.from(now), Date.from(now.plus(Duration.ofDays(3650))),
                    name, pair.getPublic()).build(new JcaContentSignerBuilder(algorithm).build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }
}
