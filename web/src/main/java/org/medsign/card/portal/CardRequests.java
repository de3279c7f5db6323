package org.medsign.card.portal;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.medsign.card.CardAssertion;
import org.medsign.card.ChallengeBinding;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.transport.ClientAddress;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the card pages post: small JSON objects only ({@code application/json}, at most 64 KiB, which also
 * keeps cross-site form posts out: they cannot send that type without a CORS preflight this server never grants).
 */
final class CardRequests {

    private static final int MAX_BODY = 64 * 1024;

    private CardRequests() {
    }

    static JsonObject body(HttpServletRequest request) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
            throw new MedsignException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        }
        byte[] bytes;
        try (InputStream in = request.getInputStream()) {
            bytes = in.readNBytes(MAX_BODY + 1);
        }
        if (bytes.length > MAX_BODY) {
            throw new MedsignException(ErrorCode.REQUEST_TOO_LARGE);
        }
        try (JsonReader reader = Json.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
            return bytes.length == 0 ? JsonValue.EMPTY_JSON_OBJECT : reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new MedsignException(ErrorCode.MALFORMED_REQUEST, "JSON");
        }
    }

    /** The agent's answer as the page relays it: challenge id, signature, algorithm, certificate chain (PEM). */
    static CardAssertion assertion(JsonObject body) {
        List<String> chain = new ArrayList<>();
        JsonValue certificates = body.get("certificateChain");
        if (certificates instanceof JsonArray array) {
            for (JsonValue value : array) {
                chain.add(value instanceof JsonString s ? s.getString() : null);
            }
        }
        if (chain.isEmpty() && text(body, "certificate") != null) {
            chain.add(text(body, "certificate"));
        }
        return new CardAssertion(text(body, "challengeId"), text(body, "signature"), text(body, "algorithm"), chain);
    }

    static String text(JsonObject body, String name) {
        JsonValue value = body.get(name);
        return value instanceof JsonString s ? s.getString() : null;
    }

    /**
     * What a challenge of this request is bound to. The session is only looked at, never created here: a refused
     * login must not leave one behind. The origin is the browser's Origin header.
     */
    static ChallengeBinding binding(HttpServletRequest request, boolean createSession) {
        HttpSession session = request.getSession(createSession);
        return ChallengeBinding.of(session == null ? null : session.getId(), request.getHeader("Origin"),
                ClientAddress.of(request));
    }
}
