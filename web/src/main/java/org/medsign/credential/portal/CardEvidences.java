package org.medsign.credential.portal;

import org.medsign.card.PresenceProof;
import org.medsign.credential.CardEvidence;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** A proven presence ceremony as the credential capability keeps it: the sealed card certificate and what was signed. */
final class CardEvidences {

    private CardEvidences() {
    }

    static CardEvidence of(PresenceProof proof) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes((proof.algorithm() + "\n" + proof.firstChallenge() + "\n" + proof.secondChallenge() + "\n"
                + proof.agentEvents() + "\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(proof.firstSignature());
        out.writeBytes(proof.secondSignature());
        return new CardEvidence(proof.sealedCardCertificate(), out.toByteArray());
    }
}
