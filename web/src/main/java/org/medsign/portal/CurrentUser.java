package org.medsign.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.medsign.staff.AuthenticatedStaff;
import org.medsign.kernel.Role;

/** The logged-in staff member of this request, as pages and beans see them. */
@Named
@RequestScoped
public class CurrentUser {

    static final String SESSION_KEY = "org.medsign.portal.currentUser";

    @Inject
    HttpServletRequest request;

    /** The caller a portal session holds, or null; the authentication mechanism restores it on each request. */
    static AuthenticatedStaff fromSession(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object staff = session == null ? null : session.getAttribute(SESSION_KEY);
        return staff instanceof AuthenticatedStaff s ? s : null;
    }

    public AuthenticatedStaff staff() {
        return request.getUserPrincipal() == null ? null : fromSession(request);
    }

    public boolean isLoggedIn() {
        return staff() != null;
    }

    public String getEmployeeNumber() {
        AuthenticatedStaff s = staff();
        return s == null ? null : s.employeeNumber();
    }

    public String getName() {
        AuthenticatedStaff s = staff();
        return s == null ? "" : s.name();
    }

    public String getTitle() {
        AuthenticatedStaff s = staff();
        return s == null || s.title() == null ? "" : s.title();
    }

    public boolean isItAdmin() {
        return request.isUserInRole(Role.IT_ADMIN_NAME);
    }

    public boolean isAuditor() {
        return request.isUserInRole(Role.AUDITOR_NAME);
    }
}
