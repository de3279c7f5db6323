package org.medsign.cardagent.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;

/** Reading requests and writing answers, with the limits the protocol sets. */
final class Exchanges {
    static final int MAX_BODY = 16 * 1024;
    static final ObjectMapper JSON = new ObjectMapper();

    private Exchanges() {
    }

    /** The body, refused beyond {@link #MAX_BODY} whether or not the client announced its length. */
    static byte[] readBody(HttpExchange exchange) throws IOException, AgentException {
        String length = exchange.getRequestHeaders().getFirst("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > MAX_BODY) {
                    throw tooLarge();
                }
            } catch (NumberFormatException e) {
                throw new AgentException(AgentError.BAD_REQUEST, "bad Content-Length");
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try (InputStream in = exchange.getRequestBody()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                if (body.size() + read > MAX_BODY) {
                    throw tooLarge();
                }
                body.write(buffer, 0, read);
            }
        }
        return body.toByteArray();
    }

    static void requireJson(HttpExchange exchange) throws AgentException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new AgentException(AgentError.UNSUPPORTED_MEDIA_TYPE, "the body must be application/json");
        }
    }

    static void sendJson(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        Headers headers = exchange.getResponseHeaders();
        headers.set("Content-Type", "application/json; charset=utf-8");
        noStore(headers);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sendEmpty(HttpExchange exchange, int status) throws IOException {
        noStore(exchange.getResponseHeaders());
        exchange.sendResponseHeaders(status, -1);
    }

    /** Card answers are personal and momentary: no cache may keep them. */
    private static void noStore(Headers headers) {
        headers.set("Cache-Control", "no-store");
        headers.set("X-Content-Type-Options", "nosniff");
    }

    private static AgentException tooLarge() {
        return new AgentException(AgentError.BODY_TOO_LARGE, "the body is larger than " + MAX_BODY + " bytes");
    }
}
