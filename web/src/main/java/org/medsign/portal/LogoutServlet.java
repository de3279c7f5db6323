package org.medsign.portal;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.medsign.audit.AuditAction;
import org.medsign.audit.AuditLog;
import org.medsign.audit.AuditRecord;
import org.medsign.error.ErrorCode;
import org.medsign.error.portal.RefusalPage;
import org.medsign.transport.ClientAddress;

import java.io.IOException;

/**
 * Ends the session. POST from the menu's 登出; the countdown's automatic logout (M4) also lands here,
 * with {@code expired=1}, so the login page can say why.
 */
@WebServlet("/logout")
public class LogoutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    AuditLog audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!Origins.noForeign(request)) {
            // another site's page may not end a user's session (SameSite keeps the cookie away too)
            RefusalPage.write(response, ErrorCode.FORM_TOKEN_INVALID);
            return;
        }
        logout(request, response, "loggedOut=true");
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        logout(request, response, "expired=true");
    }

    private void logout(HttpServletRequest request, HttpServletResponse response, String reason)
            throws IOException, ServletException {
        if (request.getUserPrincipal() != null) {
            String who = request.getUserPrincipal().getName();
            audit.record(AuditRecord.success(AuditAction.PORTAL_LOGOUT, who, who, ClientAddress.of(request)));
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login.xhtml?" + reason);
    }
}
