package org.medsign.device.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.medsign.device.BindRequest;
import org.medsign.device.BoundDevice;
import org.medsign.device.DeviceBinding;
import org.medsign.transport.ClientAddress;

/** {@code POST /api/v1/devices}: bind this phone with the ticket from the portal's QR code. */
@Path("/v1/devices")
public class DeviceResource {

    @Inject
    DeviceBinding binding;

    @Context
    HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Bind a device (線上綁定裝置, M9)",
            description = "ticket: from the QR URI; code: the 10-character password, not case sensitive; publicKey: "
                    + "base64 DER SubjectPublicKeyInfo of the phone's own EC P-256 (or RSA >= 2048) key; proof: base64 "
                    + "signature (SHA256withECDSA / SHA256withRSA) by that key over the UTF-8 text "
                    + "\"medsign-bind-v1\\n<ticket>\\n<hex SHA-256 of the DER public key>\".")
    @APIResponse(responseCode = "201", description = "Bound; the answer carries the device id")
    @APIResponse(responseCode = "400", description = "MS-3003 wrong code (tries left), MS-3011 weak key, MS-9002 malformed")
    @APIResponse(responseCode = "401", description = "MS-3010 no valid proof of possession")
    @APIResponse(responseCode = "403", description = "MS-3004 ticket locked")
    @APIResponse(responseCode = "404", description = "MS-3008 unknown ticket")
    @APIResponse(responseCode = "409", description = "MS-3006 ticket used, MS-3012 key already bound, MS-3002 name taken")
    @APIResponse(responseCode = "410", description = "MS-3005 ticket expired, MS-3007 ticket replaced")
    @APIResponse(responseCode = "426", description = "MS-3013 app too old")
    public Response bind(@NotNull @Valid BindRequest request) {
        BoundDevice device = binding.bind(request, ClientAddress.of(http));
        return Response.status(Response.Status.CREATED).entity(device).build();
    }
}
