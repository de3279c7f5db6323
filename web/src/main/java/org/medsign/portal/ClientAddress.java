package org.medsign.portal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The address a request came from, as the audit log records it. Forwarded headers are not trusted here:
 * a proxy in front is configured in WildFly (proxy-address-forwarding), which then rewrites the remote address.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        return request.getRemoteAddr();
    }
}
