package org.medsign.card;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * What a challenge is bound to besides its purpose: the HTTP session (kept as a SHA-256 digest, since a session id
 * is a bearer secret), the page's origin ({@code scheme://host[:port]}, as the browser's Origin header says), and the
 * client address (for throttling and the audit trail only).
 */
public record ChallengeBinding(String sessionHash, String origin, String clientAddress) {

    private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|https?://\\[[0-9a-fA-F:.]+\\](:[0-9]{1,5})?");

    public static ChallengeBinding of(String sessionId, String origin, String clientAddress) {
        return new ChallengeBinding(sessionId == null ? "" : sha256(sessionId), origin == null ? "" : origin, clientAddress);
    }

    /** A browser origin this system can bind to: no path, no user info, not "null", not absurdly long. */
    public boolean wellFormedOrigin() {
        return origin.length() <= 200 && ORIGIN.matcher(origin).matches();
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
