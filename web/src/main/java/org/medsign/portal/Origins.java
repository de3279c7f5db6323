package org.medsign.portal;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Where a browser says a request comes from. Browsers send {@code Origin} on every POST, same-origin or not, and
 * {@code Sec-Fetch-Site} on every request; a page of another site cannot forge either. State-changing requests
 * outside Faces' view-state token (the card servlets, logout) accept only this server's own pages.
 */
public final class Origins {

    private Origins() {
    }

    /** The request names this very server (scheme and Host as it received them) as its origin. */
    public static boolean own(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        return origin != null && origin.equalsIgnoreCase(request.getScheme() + "://" + request.getHeader("Host"))
                && !crossSite(request);
    }

    /**
     * No sign of another origin: no Origin header at all (a client that is not a browser page) or our own; and not
     * marked cross-site by the browser. The opaque origin {@code null} (sandboxed frames, some redirects) is foreign.
     */
    public static boolean noForeign(HttpServletRequest request) {
        return (request.getHeader("Origin") == null || own(request)) && !crossSite(request);
    }

    private static boolean crossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        return site != null && !site.equals("same-origin") && !site.equals("none");
    }
}
