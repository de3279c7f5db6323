package org.medsign.card;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What the presence ceremony (M12) proves, and how its challenges are chained.
 * <p>
 * <b>The server proves</b>, with its own checks: (1) the holder of the private key of one card certificate, which
 * chains to a configured HCA anchor, is valid and not revoked (R2), and belongs to the logged-in staff member,
 * signed the first fresh challenge; (2) the same key signed the second challenge, which names this ceremony and the
 * SHA-256 of the first signature, so it was made after the first one; (3) both happened in this HTTP session, on a
 * page of the same origin, within {@code medsign.card.presence-minutes}, each challenge used once.
 * <p>
 * <b>It only trusts the card agent for</b>: that the card was pulled out and inserted again between the two
 * signatures ({@code CARD_REMOVED}/{@code CARD_INSERTED} are the agent's unsigned events, which a modified or
 * simulating agent can invent); that the PIN was asked for each signature (the agent keeps no PIN and no card login
 * between signatures, but nothing in a signature shows a PIN); that a person typed the PINs at that PC; and that the
 * key sits on a physical card (that rests on the HCA's certificate policy). A production server must therefore trust only the real HCA's
 * certificates, never the development HCA, whose soft cards can "re-insert" with one HTTP call.
 */
public final class PresenceRules {

    static final int MAX_CONTEXT = 200;
    /** Keeps the second challenge within the card agent's 1024 bytes whatever the origin. */
    static final int MAX_CONTEXT_BYTES = 300;
    private static final Pattern CONTEXT = Pattern.compile("[\\p{L}\\p{N}\\p{P}\\p{Zs}\\p{S}]*");

    private PresenceRules() {
    }

    /** The caller's context line: printable, one line, at most 200 characters (null when absent). */
    static String context(String context) {
        if (context == null || context.isBlank()) {
            return null;
        }
        String value = context.strip();
        if (value.length() > MAX_CONTEXT || value.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_CONTEXT_BYTES
                || !CONTEXT.matcher(value).matches()) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, "context");
        }
        return value;
    }

    /** The ceremony's lines in a challenge; step 2 also names the first signature. */
    static Map<String, String> challengeLines(String ceremonyId, int step, String context, byte[] firstSignature) {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("ceremony", ceremonyId);
        lines.put("step", step + " of 2");
        if (context != null) {
            lines.put("context", context);
        }
        if (firstSignature != null) {
            lines.put("after-signature-sha256", sha256(firstSignature));
        }
        return lines;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
