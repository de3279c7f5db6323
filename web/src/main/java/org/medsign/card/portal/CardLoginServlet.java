package org.medsign.card.portal;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medsign.card.CardLogin;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.portal.CardAssertionCredential;
import org.medsign.portal.LocaleSelection;
import org.medsign.portal.Origins;
import org.medsign.portal.PortalAuthenticationMechanism;

import java.io.IOException;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

/**
 * The login page's card endpoints (M3). {@code POST /card/challenge} gives the page a challenge bound to its
 * session and origin; {@code POST /card/login} takes the card agent's signature over it and, through the portal's
 * authentication mechanism, starts the session. Answers are JSON; refusals carry the catalogue code.
 */
@WebServlet("/card/*")
public class CardLoginServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CardLogin cardLogin;

    @Inject
    transient SecurityContext securityContext;

    @Inject
    transient LocaleSelection localeSelection;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!Origins.own(request)) {
                // only the login page of this very server may ask for or redeem a challenge
                throw new MedsignException(ErrorCode.CARD_CHALLENGE_ORIGIN);
            }
            switch (request.getPathInfo() == null ? "" : request.getPathInfo()) {
                case "/challenge" -> challenge(request, response);
                case "/login" -> login(request, response);
                default -> throw new MedsignException(ErrorCode.NOT_FOUND);
            }
        } catch (MedsignException e) {
            CardResponses.error(response, e, CardResponses.locale(request, localeSelection::getLocale));
        }
    }

    private void challenge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        CardRequests.body(request);
        CardResponses.ok(response, CardResponses.challenge(cardLogin.challenge(CardRequests.binding(request, true))).build());
    }

    private void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
        JsonObject body = CardRequests.body(request);
        CardAssertionCredential credential = new CardAssertionCredential(CardRequests.assertion(body),
                CardRequests.binding(request, false));
        AuthenticationStatus status = securityContext.authenticate(request, response,
                withParams().newAuthentication(true).credential(credential));
        if (status != AuthenticationStatus.SUCCESS) {
            Object failure = request.getAttribute(PortalAuthenticationMechanism.LOGIN_FAILURE);
            throw failure instanceof MedsignException e ? e : new MedsignException(ErrorCode.CARD_SIGNATURE_INVALID);
        }
        CardResponses.ok(response, Json.createObjectBuilder()
                .add("redirect", request.getContextPath() + "/portal/home.xhtml").build());
    }
}
