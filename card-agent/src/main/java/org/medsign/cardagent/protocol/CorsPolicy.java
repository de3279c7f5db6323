package org.medsign.cardagent.protocol;

import com.sun.net.httpserver.Headers;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which pages may use the agent. Only the configured portal origins get answers; the comparison is exact
 * because browsers send the origin in one canonical form.
 */
public final class CorsPolicy {
    private final Set<String> allowedOrigins;

    public CorsPolicy(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    public boolean allows(String origin) {
        return allowedOrigins.contains(origin);
    }

    /** The headers every answer to an allowed origin carries, errors included, so the page can read them. */
    void addResponseHeaders(Headers headers, String origin) {
        headers.set("Access-Control-Allow-Origin", origin);
        headers.add("Vary", "Origin");
    }

    /**
     * A preflight's answer. Chromium's private network access asks before a public or intranet page may call
     * 127.0.0.1; the agent says yes only to allowed origins, as here.
     */
    void addPreflightHeaders(Headers response, Headers request) {
        response.set("Access-Control-Allow-Methods", "GET, POST, OPTIONS");
        response.set("Access-Control-Allow-Headers", "Content-Type");
        response.set("Access-Control-Max-Age", "600");
        String privateNetwork = request.getFirst("Access-Control-Request-Private-Network");
        if (privateNetwork != null && privateNetwork.trim().toLowerCase(Locale.ROOT).equals("true")) {
            response.set("Access-Control-Allow-Private-Network", "true");
        }
    }
}
