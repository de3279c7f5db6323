package org.medsign.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.net.URI;

/**
 * The Content-Security-Policy of medsign's answers. Faces pages get {@link #getPortal()}: PrimeFaces (in CSP mode,
 * {@code primefaces.CSP_POLICY} in web.xml) appends its per-request nonce to the closing {@code script-src}, so
 * only medsign's own script files and PrimeFaces' nonce-carrying scripts run, never an inline script or handler.
 * Everything else (the API, the PKI, the card servlets, static files) gets {@link #OTHER}.
 * Inline styles stay allowed: PrimeFaces positions its widgets with them, and a style cannot run code.
 */
@Named
@ApplicationScoped
public class ContentSecurityPolicy {

    public static final String HEADER = "Content-Security-Policy";

    /** Same-origin scripts only (files, no inline), no plugins, no framing, forms post back here only. */
    public static final String OTHER = "default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
            + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Inject
    @ConfigProperty(name = "medsign.card.agent-url", defaultValue = "http://127.0.0.1:17380")
    String agentUrl;

    /** Without the nonce: it must end with script-src, which PrimeFaces completes. */
    public String getPortal() {
        return "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; "
                + "connect-src 'self' " + origin(agentUrl) + "; object-src 'none'; base-uri 'self'; form-action 'self'; "
                + "frame-ancestors 'none'; script-src 'self'";
    }

    /** The card agent's origin, to which the login and card pages talk (M2: the PIN goes there only). */
    static String origin(String url) {
        URI uri = URI.create(url.trim());
        if (uri.getScheme() == null || uri.getHost() == null || !uri.getScheme().matches("https?")) {
            throw new IllegalArgumentException("medsign.card.agent-url must be an http(s) URL: " + url);
        }
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
    }
}
