package org.medsign.error.portal;

import jakarta.servlet.http.HttpServletResponse;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A refusal written straight to the browser, in both languages, for requests the portal turns away before any page
 * runs (another site's post, a body over the limit). Not the Faces error page: rendering it would open a session, and
 * on a cross-site post, which arrives without the user's SameSite cookie, its new cookie would replace the user's
 * own and log her out. The connection is closed, so an unread body is not drained.
 */
public final class RefusalPage {

    private RefusalPage() {
    }

    public static void write(HttpServletResponse response, ErrorCode code) throws IOException {
        response.setStatus(code.httpStatus());
        response.setHeader("Connection", "close");
        response.setHeader("Cache-Control", "no-store");
        response.setContentType("text/html;charset=UTF-8");
        byte[] body = ("<!doctype html><html lang=\"zh-Hant-TW\"><head><meta charset=\"utf-8\"><title>" + code.code()
                + "</title></head><body>" + paragraph(code, ErrorCatalogue.TRADITIONAL_CHINESE)
                + paragraph(code, Locale.ENGLISH) + "</body></html>").getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** Catalogue texts only (no request data), escaped all the same. */
    private static String paragraph(ErrorCode code, Locale locale) {
        return "<p>" + escape("[" + code.code() + "] " + ErrorCatalogue.title(code, locale) + ": "
                + ErrorCatalogue.message(code, locale, "-") + " " + ErrorCatalogue.action(code, locale)) + "</p>";
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
