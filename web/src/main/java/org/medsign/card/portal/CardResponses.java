package org.medsign.card.portal;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.medsign.card.IssuedChallenge;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Supplier;

/** Writes the card endpoints' JSON: challenges, results, and catalogue errors with code, texts and action (M26). */
final class CardResponses {

    private CardResponses() {
    }

    static JsonObjectBuilder challenge(IssuedChallenge challenge) {
        return Json.createObjectBuilder()
                .add("challengeId", challenge.challengeId())
                .add("challenge", challenge.challenge())
                .add("purpose", challenge.agentPurpose())
                .add("expiresAt", challenge.expiresAt().toString());
    }

    static void ok(HttpServletResponse response, JsonObject body) throws IOException {
        write(response, HttpServletResponse.SC_OK, body);
    }

    static void error(HttpServletResponse response, MedsignException e, Locale locale) throws IOException {
        ErrorCode code = e.errorCode();
        write(response, code.httpStatus(), Json.createObjectBuilder()
                .add("code", code.code())
                .add("title", ErrorCatalogue.title(code, locale))
                .add("message", ErrorCatalogue.message(code, locale, e.arguments()))
                .add("action", ErrorCatalogue.action(code, locale))
                .add("text", ErrorCatalogue.describe(e, locale))
                .build());
    }

    /** The session's chosen language without creating a session (zh-TW when there is none). */
    static Locale locale(HttpServletRequest request, Supplier<Locale> chosen) {
        HttpSession session = request.getSession(false);
        return session == null ? ErrorCatalogue.TRADITIONAL_CHINESE : chosen.get();
    }

    private static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.toString());
    }
}
