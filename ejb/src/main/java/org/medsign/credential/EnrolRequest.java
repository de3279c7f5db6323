package org.medsign.credential;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.medsign.ticket.TicketCode;
import org.medsign.ticket.TicketUri;

/**
 * 憑證申請 on the phone (M15–M16): the ticket from the QR, the typed code, the PKCS#10 request for a key the
 * phone generated itself, and the chosen device's signature (by its device key) over
 * {@code "medsign-enrol-v1\n<ticket>\n<hex SHA-256 of the DER CSR>"}. A ticket that is no ticket id is MS-3009.
 */
public record EnrolRequest(
        @NotNull(message = "MS-3009") @Pattern(regexp = TicketUri.TICKET_ID_REGEX, message = "MS-3009") String ticket,
        @NotNull @Size(max = TicketCode.MAX_TYPED) String code,
        @NotBlank(message = "MS-4003") String csr,
        @NotBlank String deviceId,
        @NotBlank String deviceSignature) {
}
