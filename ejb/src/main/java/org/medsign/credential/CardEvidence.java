package org.medsign.credential;

import org.medsign.card.PresenceProof;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the card ceremony (M12) proved for an application or a revocation, kept as evidence: the card certificate,
 * sealed by the personal-data vault (it carries the national ID), and the card's signatures over the ceremony's
 * challenges, already verified by the card capability.
 */
public record CardEvidence(byte[] sealedCardCertificate, byte[] signatures) {

    /** What the application's ceremony signs. */
    public static final String APPLICATION_CONTEXT = "certificate application";

    /** What a revocation's ceremony signs: which certificate, so a proof cannot serve another purpose. */
    public static String revocationContext(String serial) {
        return "certificate revocation " + serial;
    }

    /** The proof as evidence, if its ceremony was made for {@code context}; MS-4011 if not. */
    static CardEvidence of(PresenceProof proof, String context) {
        if (proof == null || !context.equals(proof.context()) || proof.sealedCardCertificate() == null) {
            throw new MedsignException(ErrorCode.CARD_PRESENCE_REQUIRED);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((proof.algorithm() + "\n" + proof.firstChallenge() + "\n" + proof.secondChallenge() + "\n"
                + proof.agentEvents() + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(proof.firstSignature());
        out.writeBytes(proof.secondSignature());
        return new CardEvidence(proof.sealedCardCertificate(), out.toByteArray());
    }
}
