package org.medsign.mobile;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * What a portal QR code says: {@code medsign://bind?v=1&server=<base URL>&ticket=<id>} (or {@code enrol}).
 * The app refuses anything else, and a QR of another server than the one it was set up for (MS-3009).
 */
public record TicketLink(String purpose, URI server, String ticket) {

    public static TicketLink parse(String text) {
        URI uri;
        try {
            uri = URI.create(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw ClientFailure.of("MS-3009", "not a URI");
        }
        if (!"medsign".equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() == null) {
            throw ClientFailure.of("MS-3009", "not a medsign QR code");
        }
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        String server = query.get("server");
        String ticket = query.get("ticket");
        if (!"1".equals(query.get("v")) || server == null || ticket == null || !ticket.matches("[A-Za-z0-9_-]{22,64}")
                || !(server.startsWith("https://") || server.startsWith("http://"))) {
            throw ClientFailure.of("MS-3009", "unsupported or incomplete QR code");
        }
        return new TicketLink(uri.getHost(), URI.create(server), ticket);
    }

    /** Refuses a QR code made by another server than the expected one. */
    public TicketLink expectServer(URI expected) {
        if (expected != null && !strip(expected).equals(strip(server))) {
            throw ClientFailure.of("MS-3009", "the QR code belongs to " + server + ", not " + expected);
        }
        return this;
    }

    public TicketLink expectPurpose(String expected) {
        if (!expected.equals(purpose)) {
            throw ClientFailure.of("MS-3009", "this QR code is for '" + purpose + "', not '" + expected + "'");
        }
        return this;
    }

    private static String strip(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }
}
