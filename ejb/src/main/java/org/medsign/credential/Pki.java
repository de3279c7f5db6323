package org.medsign.credential;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Shared PKI helpers: serial numbers, PEM, digests. The Bouncy Castle provider is the kernel's
 * ({@link org.medsign.kernel.crypto.BouncyCastle}).
 */
public final class Pki {

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
