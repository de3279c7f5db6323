package org.medsign.kernel.crypto;

import java.security.Key;

/**
 * The one place that chooses a signature algorithm for a key: SHA-256 with ECDSA for EC keys (every key medsign makes),
 * SHA-256 with PKCS#1 v1.5 for the RSA keys that hospitals' own files and cards may hold.
 */
public final class SignatureAlgorithms {

    public static final String EC = "SHA256withECDSA";
    public static final String RSA = "SHA256withRSA";

    private SignatureAlgorithms() {
    }

    /** The algorithm that signs with, or verifies for, {@code key} (public or private). */
    public static String forKey(Key key) {
        return switch (key.getAlgorithm()) {
            case "EC", "ECDSA" -> EC;
            case "RSA" -> RSA;
            default -> throw new IllegalArgumentException("No signature algorithm for a " + key.getAlgorithm() + " key");
        };
    }
}
