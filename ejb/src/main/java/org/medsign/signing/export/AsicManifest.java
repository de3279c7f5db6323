package org.medsign.signing.export;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The ASiCManifest of an ASiC-E time assertion (ETSI EN 319 162-1 §A.4): which file the time-stamp token is, and
 * each data object with its media type and SHA-256 digest. Names are medsign's own and checked, so no XML escaping
 * is needed.
 */
final class AsicManifest {

    static final String TIMESTAMP_TYPE = "application/vnd.etsi.timestamp-token";
    private static final String NAMESPACE = "http://uri.etsi.org/02918/v1.2.1#";
    private static final String SHA256 = "http://www.w3.org/2001/04/xmlenc#sha256";
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final Pattern MEDIA_TYPE = Pattern.compile("[a-z]+/[a-z0-9.+-]+");

    /** One file the manifest lists. */
    record DataObject(String name, String mimeType, byte[] bytes) {

        DataObject {
            if (!SAFE_NAME.matcher(name).matches() || !MEDIA_TYPE.matcher(mimeType).matches()) {
                throw new IllegalArgumentException("not a container name: " + name);
            }
        }
    }

    private AsicManifest() {
    }

    static byte[] of(String timestampName, List<DataObject> objects) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<asic:ASiCManifest xmlns:asic=\"").append(NAMESPACE)
                .append("\" xmlns:ds=\"http://www.w3.org/2000/09/xmldsig#\">\n")
                .append("  <asic:SigReference URI=\"").append(timestampName).append("\" MimeType=\"")
                .append(TIMESTAMP_TYPE).append("\"/>\n");
        for (DataObject o : objects) {
            xml.append("  <asic:DataObjectReference URI=\"").append(o.name()).append("\" MimeType=\"")
                    .append(o.mimeType()).append("\">\n")
                    .append("    <ds:DigestMethod Algorithm=\"").append(SHA256).append("\"/>\n")
                    .append("    <ds:DigestValue>").append(Base64.getEncoder().encodeToString(sha256(o.bytes())))
                    .append("</ds:DigestValue>\n")
                    .append("  </asic:DataObjectReference>\n");
        }
        return xml.append("</asic:ASiCManifest>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
