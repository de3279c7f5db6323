package org.medsign.device;

import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.kernel.crypto.SignatureAlgorithms;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A phone's own public key: EC P-256, or RSA of 2048 bits or more. It proves possession by signing a
 * message that names the ticket and the key itself, so a proof cannot be replayed for another ticket or key.
 */
public final class DeviceKey {

    private static final int MAX_ENCODED = 4096;
    private static final String P256_ORDER =
            "115792089210356248762697446949407573529996955224135760342422259061068512044369";

    private final byte[] encoded;
    private final PublicKey key;
    private final String description;

    private DeviceKey(byte[] encoded, PublicKey key, String description) {
        this.encoded = encoded;
        this.key = key;
        this.description = description;
    }

    /** Reads a base64 DER SubjectPublicKeyInfo and refuses what is not a strong key of a supported kind. */
    public static DeviceKey parse(String base64) {
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64 == null ? "" : base64.strip());
        } catch (IllegalArgumentException e) {
            throw new MedsignException(ErrorCode.DEVICE_KEY_REFUSED, "base64");
        }
        if (der.length == 0 || der.length > MAX_ENCODED) {
            throw new MedsignException(ErrorCode.DEVICE_KEY_REFUSED, "size");
        }
        for (String algorithm : new String[]{"EC", "RSA"}) {
            try {
                PublicKey key = KeyFactory.getInstance(algorithm, BouncyCastle.PROVIDER)
                        .generatePublic(new X509EncodedKeySpec(der));
                return new DeviceKey(der, key, describe(key));
            } catch (GeneralSecurityException | ClassCastException e) {
                // try the next kind
            }
        }
        throw new MedsignException(ErrorCode.DEVICE_KEY_REFUSED, "type");
    }

    private static String describe(PublicKey key) {
        if (key instanceof ECPublicKey ec) {
            ECParameterSpec params = ec.getParams();
            if (params.getOrder().toString().equals(P256_ORDER) && params.getCurve().getField().getFieldSize() == 256) {
                return "EC P-256";
            }
            throw new MedsignException(ErrorCode.DEVICE_KEY_REFUSED, "curve");
        }
        RSAPublicKey rsa = (RSAPublicKey) key;
        int bits = rsa.getModulus().bitLength();
        if (bits < 2048 || bits > 8192 || rsa.getPublicExponent().intValue() < 3) {
            throw new MedsignException(ErrorCode.DEVICE_KEY_REFUSED, "RSA " + bits);
        }
        return "RSA " + bits;
    }

    /** The message a phone signs to prove it holds the key it binds (see the mobile-client for the same text). */
    public static byte[] bindingProofMessage(String ticketId, String fingerprint) {
        return ("medsign-bind-v1\n" + ticketId + "\n" + fingerprint).getBytes(StandardCharsets.UTF_8);
    }

    public void verifyBindingProof(String ticketId, String proofBase64) {
        verify(bindingProofMessage(ticketId, fingerprint()), proofBase64);
    }

    /** Verifies a signature made by this key over a message (SHA-256 with ECDSA or RSA PKCS#1 v1.5). */
    public void verify(byte[] message, String signatureBase64) {
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64 == null ? "" : signatureBase64.strip());
            // Bouncy Castle: the JDK 17 SunEC verifies P-256 about eight times slower, and enrolment verifies twice
            Signature verifier = Signature.getInstance(SignatureAlgorithms.forKey(key), BouncyCastle.PROVIDER);
            verifier.initVerify(key);
            verifier.update(message);
            if (signature.length > 0 && verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a malformed signature is an invalid proof
        }
        throw new MedsignException(ErrorCode.DEVICE_PROOF_INVALID);
    }

    /** SHA-256 of the DER key, hex: how a key is recognised again (duplicates are refused). */
    public String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public byte[] encoded() {
        return encoded.clone();
    }

    public PublicKey publicKey() {
        return key;
    }

    public String description() {
        return description;
    }
}
