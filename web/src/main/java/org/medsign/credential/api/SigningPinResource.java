package org.medsign.credential.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.credential.SigningPins;
import org.medsign.kernel.Role;

import java.util.Base64;

/**
 * The signing PIN counted by the server for the web app (issue 19): set once after enrolment, then one counted try
 * per opening of the signing key. See docs/app-threat-model.md.
 */
@RolesAllowed(Role.STAFF_NAME)
@Path("/v1/certificates/{serial}/pin")
public class SigningPinResource {

    @Inject
    SigningPins pins;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the signing PIN's server-held secret, once, right after enrolment (web app)",
            description = "verifier: base64 of 32 bytes the app derives from the PIN with a salt only the phone keeps; "
                    + "keySignature: base64, by the certificate's own key, over "
                    + "\"medsign-pin-set-v1\\n<serial>\\n<hex SHA-256 of the verifier>\". The answer's secret (base64, "
                    + "32 bytes) and the PIN together make the key that wraps the signing key on the phone.")
    @APIResponse(responseCode = "201", description = "Set; the secret")
    @APIResponse(responseCode = "401", description = "MS-4008 not signed by the certificate's key")
    @APIResponse(responseCode = "404", description = "MS-4007 no such certificate of yours")
    @APIResponse(responseCode = "409", description = "MS-4013 already set")
    public Response set(@PathParam("serial") String serial, @NotNull @Valid PinSetting setting) {
        byte[] secret = pins.set(serial, setting.verifier(), setting.keySignature());
        return Response.status(Response.Status.CREATED).entity(new Secret(Base64.getEncoder().encodeToString(secret))).build();
    }

    @POST
    @Path("tries")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One counted signing PIN try of the certificate's bound device (web app, before 簽章 or 下載憑證)",
            description = "verifier: as when set; deviceSignature: base64, by the bound device's key, over "
                    + "\"medsign-pin-v1\\n<serial>\\n<hex SHA-256 of the verifier>\". A right PIN releases the secret and "
                    + "clears the count; three wrong PINs are free, then signing locks for 1, 5, 30 minutes and 24 hours.")
    @APIResponse(responseCode = "200", description = "Right PIN; the secret")
    @APIResponse(responseCode = "401", description = "MS-5015 wrong PIN (tries left), MS-3010 not the device's signature")
    @APIResponse(responseCode = "404", description = "MS-4007 no such certificate of yours, MS-3014 device not bound")
    @APIResponse(responseCode = "409", description = "MS-4014 no PIN set for this certificate")
    @APIResponse(responseCode = "423", description = "MS-5016 locked (until when)")
    public Secret tryPin(@PathParam("serial") String serial, @NotNull @Valid PinTry pinTry) {
        byte[] secret = pins.unlock(serial, pinTry.verifier(), pinTry.deviceSignature()).secretOrThrow();
        return new Secret(Base64.getEncoder().encodeToString(secret));
    }

    /** The PIN's verifier, signed by the new signing key. */
    public record PinSetting(@NotBlank @Size(max = 64) String verifier, @NotBlank @Size(max = 1024) String keySignature) {
    }

    /** One PIN try, signed by the device key. */
    public record PinTry(@NotBlank @Size(max = 64) String verifier, @NotBlank @Size(max = 1024) String deviceSignature) {
    }

    /** The server's half of the wrapping key, base64. */
    public record Secret(String secret) {
    }
}
