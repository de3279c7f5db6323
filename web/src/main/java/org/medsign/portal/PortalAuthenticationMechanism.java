package org.medsign.portal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.api.BearerTokens;
import org.medsign.card.CardLogin;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.staff.AuthenticatedStaff;
import org.medsign.staff.PortalLogin;
import org.medsign.kernel.Role;
import org.medsign.kernel.latency.Latencies;
import org.medsign.kernel.latency.TimedOperation;
import org.medsign.transport.ClientAddress;

import java.util.Set;
import java.util.stream.Collectors;

/**
 * Authenticates portal users and phone apps. A login page hands a credential in through
 * {@code SecurityContext.authenticate}; afterwards the portal session carries the caller. The mobile API
 * carries a bearer token instead and never gets a session. Protected pages without a caller go to the login page.
 */
@ApplicationScoped
public class PortalAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** Request attribute with the {@link MedsignException} of a refused login, for the login page to show. */
    public static final String LOGIN_FAILURE = "org.medsign.portal.loginFailure";

    @Inject
    PortalLogin portalLogin;

    @Inject
    BearerTokens bearerTokens;

    @Inject
    CardLogin cardLogin;

    @Inject
    Latencies latencies;

    @Inject
    @ConfigProperty(name = "medsign.portal.password-login", defaultValue = "false")
    boolean passwordLogin;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential instanceof UsernamePasswordCredential password) {
            return passwordLogin(request, context, password);
        }
        if (credential instanceof CardAssertionCredential card) {
            return cardLogin(request, context, card);
        }
        if (BearerTokens.present(request)) {
            return bearerTokens.validate(request, response, context);
        }
        AuthenticatedStaff known = CurrentUser.fromSession(request);
        if (known != null) {
            return context.notifyContainerAboutLogin(known.employeeNumber(), roles(known));
        }
        if (context.isProtected()) {
            return context.redirect(request.getContextPath() + "/login.xhtml");
        }
        return context.doNothing();
    }

    private AuthenticationStatus passwordLogin(HttpServletRequest request, HttpMessageContext context,
                                               UsernamePasswordCredential credential) {
        try {
            if (!passwordLogin) {
                throw new MedsignException(ErrorCode.PASSWORD_LOGIN_DISABLED);
            }
            AuthenticatedStaff staff = portalLogin.authenticate(credential.getCaller(), credential.getPasswordAsString(),
                    ClientAddress.of(request));
            return loggedIn(request, context, staff);
        } catch (MedsignException e) {
            request.setAttribute(LOGIN_FAILURE, e);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    /** Card login (M3): the card's signature over this session's challenge; accepted whatever password-login says. */
    private AuthenticationStatus cardLogin(HttpServletRequest request, HttpMessageContext context,
                                           CardAssertionCredential credential) {
        try {
            AuthenticatedStaff staff = latencies.time(TimedOperation.CARD_LOGIN,
                    () -> cardLogin.authenticate(credential.assertion(), credential.binding()));
            return loggedIn(request, context, staff);
        } catch (MedsignException e) {
            request.setAttribute(LOGIN_FAILURE, e);
            return AuthenticationStatus.SEND_FAILURE;
        }
    }

    /** A new session id on login (no fixation), the caller in the session, the roles for the container. */
    private AuthenticationStatus loggedIn(HttpServletRequest request, HttpMessageContext context, AuthenticatedStaff staff) {
        request.changeSessionId();
        request.getSession().setAttribute(CurrentUser.SESSION_KEY, staff);
        return context.notifyContainerAboutLogin(staff.employeeNumber(), roles(staff));
    }

    static Set<String> roles(AuthenticatedStaff staff) {
        return staff.roles().stream().map(Role::name).collect(Collectors.toSet());
    }
}
