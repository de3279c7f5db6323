package org.medsign.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medsign.error.ErrorCode;
import org.medsign.error.portal.RefusalPage;

import java.io.IOException;

/**
 * Refuses a portal, card or logout request whose declared body is over 256 KiB (MS-9006) before anything reads it:
 * no page or card call of medsign takes more. The answer is a {@link RefusalPage}, not the Faces error page, which
 * would parse the very form it refuses. A body without a declared
 * length is capped by Undertow's max-post-size (10 MiB). The phone API has its own limit (RequestSizeLimit).
 */
@WebFilter(urlPatterns = "/*")
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final long MAX_BYTES = 256 * 1024;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request.getContentLengthLong() > MAX_BYTES && !request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            RefusalPage.write(response, ErrorCode.REQUEST_TOO_LARGE);
            return;
        }
        chain.doFilter(request, response);
    }
}
