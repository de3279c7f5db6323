package org.medsign.ticket;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a ticket's QR code holds: {@code medsign://bind?v=1&server=<base URL>&ticket=<id>} (or {@code enrol}).
 * The phone learns from it which server to talk to and which ticket to redeem; the code is typed, never in the QR.
 */
public record TicketUri(String purpose, URI server, String ticketId) {

    public static final String SCHEME = "medsign";
    /** A ticket id as the QR carries it; request records check it with this too. */
    public static final String TICKET_ID_REGEX = "[A-Za-z0-9_-]{22,64}";
    private static final Pattern TICKET_ID = Pattern.compile(TICKET_ID_REGEX);

    public TicketUri {
        if (!TICKET_ID.matcher(ticketId).matches()) {
            throw new IllegalArgumentException("malformed ticket id");
        }
        String scheme = server.getScheme();
        if (!"https".equals(scheme) && !"http".equals(scheme) || server.getHost() == null) {
            throw new IllegalArgumentException("server must be an http(s) URL");
        }
    }

    public String format() {
        return SCHEME + "://" + purpose + "?v=1&server=" + URLEncoder.encode(server.toString(), StandardCharsets.UTF_8)
                + "&ticket=" + ticketId;
    }

    /** Reads a QR's text; anything that is not a ticket URI of version 1 is refused. */
    public static TicketUri parse(String text) {
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a URI");
        }
        if (!SCHEME.equals(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() == null) {
            throw new IllegalArgumentException("not a medsign ticket URI");
        }
        Map<String, String> query = new HashMap<>();
        for (String pair : uri.getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        if (!"1".equals(query.get("v")) || query.get("server") == null || query.get("ticket") == null) {
            throw new IllegalArgumentException("unsupported ticket URI version or missing fields");
        }
        return new TicketUri(uri.getHost(), URI.create(query.get("server")), query.get("ticket"));
    }
}
