package org.medsign.transport;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import org.medsign.signing.eportal.Intranet;

/**
 * The address a request came from, the one way both edges (the portal and the phone API) read it: as the audit log
 * records it, the throttles count it and the E Portal's intranet check (M19) judges it. Behind the balancer (one of
 * {@code medsign.intranet.trusted-proxies}) that is the client its X-Forwarded-For names, read from the right as
 * {@link Intranet#clientAddress} does; anyone else's forwarded headers are ignored, or a client could name any address
 * it likes. Without this, every client behind the balancer would share the balancer's address, and one would lock
 * all out (MS-2015).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return of(request, CDI.current().select(Intranet.class).get());
    }

    static String of(HttpServletRequest request, Intranet intranet) {
        return intranet.clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }
}
