package org.medsign.staff.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.staff.MobileLogin;
import org.medsign.staff.MobileToken;
import org.medsign.transport.ClientAddress;

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
    public MobileToken login(@NotNull @Valid Credentials credentials) {
        return login.login(credentials.site(), credentials.account(), credentials.password(), ClientAddress.of(http));
    }

    /**
     * What the app sends to log in. Shapes only, with the codes the login itself gives (MS-1010 site, MS-1003 account
     * or password); whether they are right is {@link MobileLogin}'s to say.
     */
    public record Credentials(@NotBlank(message = "MS-1010") @Size(max = 8, message = "MS-1010") String site,
                              @NotBlank(message = "MS-1003") @Size(max = 32, message = "MS-1003") String account,
                              @NotEmpty(message = "MS-1003") @Size(max = 128, message = "MS-1003") String password) {
    }
}
