package org.medsign.api;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.List;
import java.util.Locale;

/** Builds problem+json answers in the language the app asked for (zh-TW unless it asked for English). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    public static Response of(MedsignException e, HttpHeaders headers, UriInfo uri) {
        Problem problem = problem(e, locale(headers), uri == null ? null : uri.getRequestUri().getPath());
        return Response.status(problem.status()).type(MEDIA_TYPE).entity(problem).build();
    }

    /** The document itself, for {@code instance} (the request's path). */
    static Problem problem(MedsignException e, Locale locale, String instance) {
        ErrorCode code = e.errorCode();
        return new Problem("urn:medsign:error:" + code.code(), ErrorCatalogue.title(code, locale),
                code.httpStatus(), ErrorCatalogue.message(code, locale, e.arguments()), code.code(),
                ErrorCatalogue.action(code, locale), instance);
    }

    /** The language of the answer: English when the app asked for it first, zh-TW otherwise. */
    public static Locale locale(HttpHeaders headers) {
        List<Locale> accepted = headers == null ? List.of() : headers.getAcceptableLanguages();
        return ErrorCatalogue.supported(accepted.isEmpty() ? null : accepted.get(0));
    }
}
