package org.medsign.ticket;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The 10-character code typed on the phone (e.g. FMTDJ5XD7N), from a 32-symbol alphabet without the
 * look-alikes 0/O and 1/I, so 50 bits of chance; compared case-insensitively (the manual says "不區分大小寫").
 * Ticket ids (in the QR) are 160 random bits, base64url.
 */
public final class TicketCode {

    public static final String ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    public static final int LENGTH = 10;
    /** The most a typed code may be (spaces and dashes allowed) before it is even compared. */
    public static final int MAX_TYPED = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private TicketCode() {
    }

    public static String newCode() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    public static String newTicketId() {
        byte[] id = new byte[20];
        RANDOM.nextBytes(id);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    }

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** What is stored: SHA-256 over salt and the normalized code. The code itself is never stored. */
    public static String hash(String code, String salt) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.US_ASCII));
            sha.update(normalize(code).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static boolean matches(String typed, String salt, String storedHash) {
        if (typed == null || normalize(typed).length() != LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(hash(typed, salt).getBytes(StandardCharsets.US_ASCII),
                storedHash.getBytes(StandardCharsets.US_ASCII));
    }

    static String normalize(String code) {
        return code.strip().replace(" ", "").replace("-", "").toUpperCase(Locale.ROOT);
    }
}
