package org.medsign.his;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The canonical bytes of one version of an HIS record: what a signature covers. Their SHA-256 digest is what the
 * phone signs (CMS, detached), so the serialization is fixed forever as version 1, described here exactly:
 *
 * <pre>
 * medsign-his-record/1 LF
 * id=&lt;record id, decimal&gt; LF
 * version=&lt;record version, decimal&gt; LF
 * chart=&lt;chart number&gt; LF
 * type=&lt;record type code, e.g. NURSING&gt; LF
 * author=&lt;author's employee number&gt; LF
 * site=&lt;site code, e.g. T0&gt; LF
 * department=&lt;department code, empty when none&gt; LF
 * created=&lt;created time&gt; LF
 * modified=&lt;modified time&gt; LF
 * content-length=&lt;number of bytes of CONTENT, decimal&gt; LF
 * LF
 * CONTENT
 * </pre>
 *
 * <ul>
 * <li>Everything is UTF-8; LF is the single byte 0x0A; there is no LF after CONTENT.</li>
 * <li>Times are UTC, ISO-8601 with exactly six fraction digits (microseconds, truncated) and a {@code Z}:
 *     {@code 2025-01-17T05:22:00.000000Z}.</li>
 * <li>CONTENT is the record's content in Unicode NFC with CR LF and lone CR turned into LF; nothing else is
 *     changed (no trimming).</li>
 * <li>Header values never hold a control character ({@link HisRecord#of} refuses such rows).</li>
 * <li>The patient's name is not part of it: the chart number identifies the patient.</li>
 * </ul>
 */
public record CanonicalRecord(long recordId, int version, byte[] bytes, byte[] digest) {

    public static final String FORMAT = "medsign-his-record/1";
    public static CanonicalRecord of(HisRecord r) {
        byte[] content = Normalizer.normalize(r.content(), Normalizer.Form.NFC)
                .replace("\r\n", "\n").replace('\r', '\n').getBytes(StandardCharsets.UTF_8);
        String header = FORMAT + "\n"
                + "id=" + r.id() + "\n"
                + "version=" + r.version() + "\n"
                + "chart=" + r.chartNumber() + "\n"
                + "type=" + r.recordType() + "\n"
                + "author=" + r.author() + "\n"
                + "site=" + r.siteCode() + "\n"
                + "department=" + (r.department() == null ? "" : r.department()) + "\n"
                + "created=" + time(r.createdAt()) + "\n"
                + "modified=" + time(r.modifiedAt()) + "\n"
                + "content-length=" + content.length + "\n"
                + "\n";
        byte[] head = header.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + content.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        System.arraycopy(content, 0, bytes, head.length, content.length);
        return new CanonicalRecord(r.id(), r.version(), bytes, sha256(bytes));
    }

    static String time(Instant instant) {
        return UtcTime.micros(instant);
    }

    public String digestHex() {
        return HexFormat.of().formatHex(digest);
    }

    public byte[] bytes() {
        return bytes.clone();
    }

    public byte[] digest() {
        return digest.clone();
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
