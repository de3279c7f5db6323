package org.medsign.credential;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.medsign.kernel.crypto.BouncyCastle;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.HexFormat;

/**
 * Shared PKI helpers. Bouncy Castle is used as a provider instance: WildFly registers its own older BC
 * under the name "BC", so looking it up by name would pick the wrong one.
 */
public final class Pki {

    public static final Provider BC = BouncyCastle.PROVIDER;
    public static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pki() {
    }

    /** 128 random bits, positive: unpredictable serial numbers (CA/B Forum asks for at least 64). */
    public static BigInteger randomSerial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7F;
        bytes[0] |= 0x40;
        return new BigInteger(bytes);
    }

    /** A new EC P-256 key pair, the kind every medsign key is. */
    public static KeyPair newP256KeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot make an EC P-256 key", e);
        }
    }

    /**
     * The same private key as a Bouncy Castle key object. A key read from a PKCS#12 file by the JDK is SunEC's; Bouncy
     * Castle converts such a key, and recomputes its fixed-point tables, on every signature: about 3.5 times slower.
     */
    public static PrivateKey asBouncyCastle(PrivateKey key) {
        try {
            return KeyFactory.getInstance(key.getAlgorithm(), BC).generatePrivate(new PKCS8EncodedKeySpec(key.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the " + key.getAlgorithm() + " key", e);
        }
    }

    public static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    public static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
