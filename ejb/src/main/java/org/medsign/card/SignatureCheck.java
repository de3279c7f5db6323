package org.medsign.card;

import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.Map;

/**
 * Verifies a card's signature over a challenge with the card certificate's key. Only SHA-2 RSA PKCS#1 v1.5 and ECDSA
 * are accepted, and only with the matching key type: the agent names the algorithm, and a name the key cannot back
 * must not decide how the bytes are read.
 */
public final class SignatureCheck {

    private static final Map<String, String> KEY_TYPE = Map.of(
            "SHA256withRSA", "RSA", "SHA384withRSA", "RSA", "SHA512withRSA", "RSA",
            "SHA256withECDSA", "EC", "SHA384withECDSA", "EC", "SHA512withECDSA", "EC");

    private SignatureCheck() {
    }

    public static void verify(X509Certificate card, String algorithm, byte[] signedText, byte[] signature) {
        PublicKey key = card.getPublicKey();
        if (algorithm == null || !key.getAlgorithm().equals(KEY_TYPE.get(algorithm))) {
            throw new MedsignException(ErrorCode.CARD_SIGNATURE_INVALID);
        }
        try {
            Signature verifier = Signature.getInstance(algorithm, BouncyCastle.PROVIDER);
            verifier.initVerify(key);
            verifier.update(signedText);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // a malformed signature is as good as a wrong one
        }
        throw new MedsignException(ErrorCode.CARD_SIGNATURE_INVALID);
    }
}
