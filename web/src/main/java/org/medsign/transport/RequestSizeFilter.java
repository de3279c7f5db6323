package org.medsign.transport;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medsign.error.ErrorCatalogue;
import org.medsign.error.ErrorCode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses a portal, card or logout request whose declared body is over 256 KiB (MS-9006) before anything reads it:
 * no page or card call of medsign takes more. The answer is written here, not by the Faces error page, which would
 * parse the very form it refuses; the connection is closed rather than the body drained. A body without a declared
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
            ErrorCode code = ErrorCode.REQUEST_TOO_LARGE;
            response.setStatus(code.httpStatus());
            response.setHeader("Connection", "close");
            response.setContentType("text/plain;charset=UTF-8");
            byte[] body = (line(code, ErrorCatalogue.TRADITIONAL_CHINESE) + "\n" + line(code, Locale.ENGLISH) + "\n")
                    .getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            return;
        }
        chain.doFilter(request, response);
    }

    private static String line(ErrorCode code, Locale locale) {
        return "[" + code.code() + "] " + ErrorCatalogue.title(code, locale) + ": " + ErrorCatalogue.message(code, locale, "-");
    }
}
