package org.medsign.device;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medsign.ticket.TicketCode;
import org.medsign.ticket.TicketUri;

/**
 * 線上綁定裝置 (M9) as the phone sends it: the ticket from the QR, the typed code, the device's own public key
 * (base64 DER SubjectPublicKeyInfo), what the phone says about itself, and the proof of possession
 * (a signature by the device key over {@link DeviceKey#bindingProofMessage}). A ticket that is no ticket id is
 * MS-3009 (scan the portal's QR again); other shapes are checked here, their meaning by {@link DeviceBinding}.
 */
public record BindRequest(
        @NotNull(message = "MS-3009") @Pattern(regexp = TicketUri.TICKET_ID_REGEX, message = "MS-3009") String ticket,
        @NotNull @Size(max = TicketCode.MAX_TYPED) String code,
        @NotBlank(message = "MS-3011") String publicKey,
        @NotNull DeviceInfo device,
        @NotBlank(message = "MS-3010") String proof) {
}
