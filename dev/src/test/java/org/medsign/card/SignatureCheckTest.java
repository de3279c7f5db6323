package org.medsign.card;

import org.junit.jupiter.api.Test;
import org.medsign.dev.hca.TestHca;
import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SignatureCheckTest {

    private static final byte[] TEXT = "medsign card challenge v1\nnonce: x\n".getBytes(StandardCharsets.UTF_8);

    private static byte[] sign(String algorithm, PrivateKey key, byte[] data) throws Exception {
        // the JDK's providers, as the card agent signs: independent of how the server verifies
        Signature signature = Signature.getInstance(algorithm);
        signature.initSign(key);
        signature.update(data);
        return signature.sign();
    }

    private static void refused(Runnable check) {
        assertEquals(ErrorCode.CARD_SIGNATURE_INVALID, assertThrows(MedsignException.class, check::run).errorCode());
    }

    @Test
    void acceptsRsaAndEcSignaturesOfTheCardKeyOverTheText() throws Exception {
        TestHca hca = new TestHca();
        TestHca.Card rsa = hca.card("A223456789");
        Instant now = Instant.now();
        TestHca.Card ec = hca.card("X", "B123456789", true, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)));
        byte[] rsaSignature = sign("SHA256withRSA", rsa.keys().getPrivate(), TEXT);
        byte[] ecSignature = sign("SHA256withECDSA", ec.keys().getPrivate(), TEXT);
        assertDoesNotThrow(() -> SignatureCheck.verify(rsa.certificate(), "SHA256withRSA", TEXT, rsaSignature));
        assertDoesNotThrow(() -> SignatureCheck.verify(ec.certificate(), "SHA256withECDSA", TEXT, ecSignature));
        BouncyCastle.PROVIDER.getName();
    }

    @Test
    void refusesAnotherKeyAnotherTextAnUnfitAlgorithmAndGarbage() throws Exception {
        TestHca hca = new TestHca();
        TestHca.Card card = hca.card("A223456789");
        TestHca.Card other = hca.card("B123456789");
        byte[] byOther = sign("SHA256withRSA", other.keys().getPrivate(), TEXT);
        refused(() -> SignatureCheck.verify(card.certificate(), "SHA256withRSA", TEXT, byOther));
        byte[] good = sign("SHA256withRSA", card.keys().getPrivate(), TEXT);
        refused(() -> SignatureCheck.verify(card.certificate(), "SHA256withRSA", "other".getBytes(StandardCharsets.UTF_8), good));
        refused(() -> SignatureCheck.verify(card.certificate(), "SHA256withECDSA", TEXT, good));
        refused(() -> SignatureCheck.verify(card.certificate(), "SHA1withRSA", TEXT, good));
        refused(() -> SignatureCheck.verify(card.certificate(), null, TEXT, good));
        refused(() -> SignatureCheck.verify(card.certificate(), "SHA256withRSA", TEXT, new byte[]{1, 2, 3}));
    }
}
