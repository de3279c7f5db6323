package org.medsign.portal;

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
 * CSRF protection for portal forms. Every Faces form posts its server-side view state, which a forged
 * request cannot know (a wrong one fails in {@link PortalExceptionHandler}); a form post without it, or from
 * another origin, is refused here with MS-1005 before anything runs (a {@link RefusalPage}, which opens no session).
 */
@WebFilter(urlPatterns = "*.xhtml")
public class FormTokenFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String VIEW_STATE = "jakarta.faces.ViewState";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if ("POST".equals(request.getMethod()) && (!Origins.noForeign(request) || missingViewState(request))) {
            RefusalPage.write(response, ErrorCode.FORM_TOKEN_INVALID);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean missingViewState(HttpServletRequest request) {
        String type = request.getContentType();
        boolean form = type != null && type.startsWith("application/x-www-form-urlencoded");
        String token = form ? request.getParameter(VIEW_STATE) : "multipart";
        return token == null || token.isBlank();
    }
}
