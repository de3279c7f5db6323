package org.medsign.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How an audit row is hashed: SHA-256 over its fields, each written as {@code <length>:<value>;} (so no value can
 * pass for another), ending with the previous row's hash. Times are kept to the millisecond on both databases.
 */
public final class AuditChain {

    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(AuditEvent e) {
        StringBuilder text = new StringBuilder(256);
        field(text, String.valueOf(e.sequenceNumber()));
        field(text, e.occurredAt().toString());
        field(text, e.action().name());
        field(text, e.outcome().name());
        field(text, e.actor());
        field(text, e.subject());
        field(text, e.errorCode());
        field(text, e.clientAddress());
        field(text, e.detail());
        field(text, e.previousHash());
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void field(StringBuilder text, String value) {
        String v = value == null ? "" : value;
        text.append(v.length()).append(':').append(v).append(';');
    }
}
