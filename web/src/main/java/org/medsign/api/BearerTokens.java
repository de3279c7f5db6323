package org.medsign.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medsign.error.MedsignException;
import org.medsign.staff.AuthenticatedStaff;
import org.medsign.staff.MobileLogin;
import org.medsign.kernel.Role;

import java.util.stream.Collectors;

/**
 * The phone apps' bearer tokens on the mobile API. A valid token makes its owner the caller of this one
 * request (no session); an expired or outdated one (M27) leaves it anonymous, with its reason for the answer.
 */
@ApplicationScoped
public class BearerTokens {

    private static final String PREFIX = "Bearer ";
    private static final String REFUSAL = "org.medsign.api.tokenRefusal";

    @Inject
    MobileLogin mobileLogin;

    public static boolean present(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.startsWith(PREFIX)
                && request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }

    /**
     * A refused token leaves the request anonymous and says why in a request attribute: public endpoints still
     * answer, protected ones are refused by their service and answered with this reason (see the EJB mapper).
     */
    public AuthenticationStatus validate(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        try {
            AuthenticatedStaff staff = mobileLogin.authenticate(request.getHeader("Authorization").substring(PREFIX.length()).strip());
            return context.notifyContainerAboutLogin(staff.employeeNumber(),
                    staff.roles().stream().map(Role::name).collect(Collectors.toSet()));
        } catch (MedsignException e) {
            request.setAttribute(REFUSAL, e);
            response.setHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
            return context.doNothing();
        }
    }

    /** Why this request's token was refused, or null. */
    public static MedsignException refusal(HttpServletRequest request) {
        return request.getAttribute(REFUSAL) instanceof MedsignException e ? e : null;
    }
}
