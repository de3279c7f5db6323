package org.medsign.card;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The text a card signs: readable, self-describing and bound to what the server checks. A signature over it says
 * "this card answered this server's fresh nonce, for this purpose, on a page of this origin, before this time" and
 * can mean nothing else (the card agent signs whatever it is given, so the server never asks for a signature over
 * data that could be a document).
 */
public final class ChallengeText {

    static final String HEADER = "medsign card challenge v1";
    /** The card agent accepts at most 1024 bytes. */
    static final int MAX_BYTES = 1024;

    private ChallengeText() {
    }

    /** @param extra further "name: value" lines (ceremony, context, previous signature); values must be one line */
    public static String of(CardPurpose purpose, String origin, String nonce, Instant expires, Map<String, String> extra) {
        StringBuilder text = new StringBuilder(HEADER).append('\n')
                .append("purpose: ").append(purpose.name().toLowerCase(java.util.Locale.ROOT)).append('\n')
                .append("origin: ").append(origin).append('\n')
                .append("nonce: ").append(nonce).append('\n')
                .append("expires: ").append(expires.truncatedTo(ChronoUnit.SECONDS)).append('\n');
        extra.forEach((name, value) -> {
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new IllegalArgumentException("challenge line " + name + " spans lines");
            }
            text.append(name).append(": ").append(value).append('\n');
        });
        if (text.toString().getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new IllegalArgumentException("challenge text longer than " + MAX_BYTES + " bytes");
        }
        return text.toString();
    }
}
