package org.medsign.card;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/** A challenge as the page gets it: its id, the bytes for the card agent (base64url) and when it expires. */
public record IssuedChallenge(String challengeId, String challenge, Instant expiresAt, String agentPurpose) {

    static IssuedChallenge of(CardChallenge challenge, CardPurpose purpose) {
        return new IssuedChallenge(challenge.id(), Base64.getUrlEncoder().withoutPadding()
                .encodeToString(challenge.text().getBytes(StandardCharsets.UTF_8)), challenge.expiresAt(),
                purpose.agentPurpose());
    }

    /** The signed text itself. */
    public String text() {
        return new String(Base64.getUrlDecoder().decode(challenge), StandardCharsets.UTF_8);
    }
}
