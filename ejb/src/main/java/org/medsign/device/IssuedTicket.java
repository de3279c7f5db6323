package org.medsign.device;

import java.io.Serializable;
import java.time.Instant;

/** A binding ticket as the portal shows it once (M7): the QR's URI and the code. The code is not kept. */
public record IssuedTicket(String ticketId, String uri, String code, String deviceName, Instant expiresAt)
        implements Serializable {
}
