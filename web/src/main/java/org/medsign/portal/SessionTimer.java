package org.medsign.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/** The header's auto-logout countdown and its 重新計時 button (M4): any request to the server restarts it. */
@Named
@RequestScoped
public class SessionTimer {

    @Inject
    HttpServletRequest request;

    public int getTimeoutSeconds() {
        HttpSession session = request.getSession(false);
        return session == null ? 0 : session.getMaxInactiveInterval();
    }

    public void restart() {
        request.getSession(false);
    }
}
