package org.medsign.transport;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;

/**
 * HTTPS for everything but the PKI: HTTPS answers carry Strict-Transport-Security; plain-HTTP pages are redirected
 * to the same address over HTTPS (308 for other methods than GET and HEAD, so a form is not turned into a GET);
 * the plain-HTTP API is let through to {@link PlainHttpRefusal}, which refuses it with its code, as a phone must
 * learn that its address is wrong rather than have its request re-sent. {@code /pki/} stays on plain HTTP: CRL
 * and OCSP clients fetch it so (RFC 5280, RFC 6960), and its answers are signed.
 */
@WebFilter(urlPatterns = "/*")
public class TransportSecurityFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Transport transport;

    /** One year by default; 0 makes browsers forget it (HSTS binds the whole host name, all its ports). */
    @Inject
    @ConfigProperty(name = "medsign.hsts-max-age", defaultValue = "31536000")
    long hstsMaxAge;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (transport.secure(request)) {
            response.setHeader("Strict-Transport-Security", "max-age=" + hstsMaxAge);
            chain.doFilter(request, response);
            return;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/pki/") || path.startsWith("/api/")) {
            chain.doFilter(request, response);
            return;
        }
        String method = request.getMethod();
        response.setStatus(method.equals("GET") || method.equals("HEAD") ? HttpServletResponse.SC_MOVED_PERMANENTLY : 308);
        response.setHeader("Location", transport.httpsUrl(request));
    }
}
