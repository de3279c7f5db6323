package org.medsign.portal;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import org.medsign.signing.eportal.Intranet;

/**
 * The address a request came from, as the audit log records it and the card-check throttle counts it. Behind the
 * cluster's balancer (one of {@code medsign.intranet.trusted-proxies}) that is the client its X-Forwarded-For names,
 * read from the right as {@link Intranet#clientAddress} does; anyone else's forwarded headers are ignored. Without
 * this, every client behind the balancer would share the balancer's address, and one would lock all out (MS-2015).
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return CDI.current().select(Intranet.class).get()
                .clientAddress(request.getRemoteAddr(), request.getHeader("X-Forwarded-For"));
    }
}
