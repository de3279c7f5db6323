package org.medsign.portal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Browser hardening on every answer: no framing (click-jacking), no MIME sniffing, no caching of pages with personal
 * data, and a Content-Security-Policy. Faces pages get theirs from PrimeFaces with a fresh nonce
 * ({@link ContentSecurityPolicy#getPortal()}); an error page rendered by Faces for another path drops the one set
 * here first, as two policies would both apply and block PrimeFaces' scripts.
 */
@WebFilter(urlPatterns = "/*", dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader(ContentSecurityPolicy.HEADER, renderedByFaces(request) ? null : ContentSecurityPolicy.OTHER);
        if (request.getRequestURI().startsWith(request.getContextPath() + "/portal/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, response);
    }

    /** Faces answers *.xhtml (its resources too); on an error dispatch the servlet path is the error page's. */
    private static boolean renderedByFaces(HttpServletRequest request) {
        return request.getServletPath().endsWith(".xhtml");
    }
}
