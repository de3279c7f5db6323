package org.medsign.error.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.api.Problems;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code GET /api/v1/errors}: the catalogue the FAQ page shows (常見問題及錯誤代碼對照表), for the app's 錯誤代碼說明.
 * It reads no input but the language and says nothing about any person, so it needs no login and is not audited
 * (as the FAQ page and the health endpoint).
 */
@Path("/v1/errors")
public class ErrorCatalogueResource {

    /** Where a code's words name a value of the moment (a count, a version, a time), the list shows this. */
    private static final String SOME_VALUE = "…";

    @Context
    HttpHeaders headers;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every error code with its title, words and what to do, in the asked language",
            description = "Accept-Language: zh-TW (default) or en. Words that name a value of the moment show … there.")
    @APIResponse(responseCode = "200", description = "The catalogue, in code order")
    public List<Entry> errors() {
        Locale locale = Problems.locale(headers);
        return Arrays.stream(ErrorCode.values())
                .map(code -> new Entry(code.code(), ErrorCatalogue.title(code, locale),
                        ErrorCatalogue.message(code, locale, SOME_VALUE, SOME_VALUE), ErrorCatalogue.action(code, locale)))
                .toList();
    }

    /** One code: as a refusal's problem document names them (code, title, detail's words, action). */
    public record Entry(String code, String title, String message, String action) {
    }
}
