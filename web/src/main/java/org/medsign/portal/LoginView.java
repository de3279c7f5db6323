package org.medsign.portal;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.io.IOException;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * The login page (M3): card login comes first (driven by card.js against /card/*); the password form below it is
 * shown only when {@code medsign.portal.password-login} allows it. Messages of the page (logged out, session
 * expired, password refused) are this bean's.
 */
@Named
@RequestScoped
public class LoginView {

    @Inject
    SecurityContext securityContext;

    @Inject
    FacesContext faces;

    @Inject
    @ConfigProperty(name = "medsign.portal.password-login", defaultValue = "false")
    boolean passwordLogin;

    private String username;
    private String password;
    private boolean expired;
    private boolean loggedOut;

    public void onLoad() {
        if (expired) {
            FacesErrors.show(ErrorCode.SESSION_EXPIRED);
        }
    }

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                withParams().newAuthentication(true).credential(new UsernamePasswordCredential(username, password)));
        password = null;
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/portal/home.xhtml");
            case SEND_CONTINUE -> faces.responseComplete();
            default -> {
                Object failure = request.getAttribute(PortalAuthenticationMechanism.LOGIN_FAILURE);
                FacesErrors.show(failure instanceof MedsignException e ? e : new MedsignException(ErrorCode.BAD_CREDENTIALS));
            }
        }
    }

    public boolean isPasswordLogin() {
        return passwordLogin;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public boolean isExpired() {
        return expired;
    }

    public void setExpired(boolean expired) {
        this.expired = expired;
    }

    public boolean isLoggedOut() {
        return loggedOut;
    }

    public void setLoggedOut(boolean loggedOut) {
        this.loggedOut = loggedOut;
    }
}
