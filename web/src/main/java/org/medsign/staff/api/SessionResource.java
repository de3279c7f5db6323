package org.medsign.staff.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.staff.MobileLogin;
import org.medsign.staff.MobileToken;

/** {@code POST /api/v1/sessions}: log the app in for a site; use the token as {@code Authorization: Bearer …}. */
@Path("/v1/sessions")
public class SessionResource {

    @Inject
    MobileLogin login;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log in (M14, M20): site (院區 code, e.g. T0), Portal account and password")
    @APIResponse(responseCode = "200", description = "The bearer token, who and where")
    @APIResponse(responseCode = "400", description = "MS-1010 unknown site, MS-1003 malformed account")
    @APIResponse(responseCode = "401", description = "MS-1001 wrong account or password")
    @APIResponse(responseCode = "403", description = "MS-1002 account locked, MS-1008 disabled")
    public MobileToken login(Credentials credentials) {
        if (credentials == null) {
            throw new MedsignException(ErrorCode.MALFORMED_REQUEST, "body");
        }
        return login.login(credentials.site(), credentials.account(), credentials.password(), http.getRemoteAddr());
    }

    /** What the app sends to log in. */
    public record Credentials(String site, String account, String password) {
    }
}
