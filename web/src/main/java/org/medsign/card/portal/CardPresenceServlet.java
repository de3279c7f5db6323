package org.medsign.card.portal;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.medsign.card.AgentEvent;
import org.medsign.card.CardPresence;
import org.medsign.card.PresenceProof;
import org.medsign.card.PresenceStep;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.portal.LocaleSelection;
import org.medsign.portal.Origins;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The card presence ceremony (M12) for pages of a logged-in user (under /portal/, so the container requires a
 * login): {@code start} → challenge 1; {@code first} (signature 1 and the agent's last event number) → challenge 2;
 * {@code second} (signature 2 and the agent's events since) → proven. The certificate application then redeems the
 * ceremony id through {@link CardPresence#redeem}. Browser pages drive it with {@code medsign.card.presence} (card.js).
 */
@WebServlet("/portal/card/presence/*")
public class CardPresenceServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CardPresence presence;

    @Inject
    transient LocaleSelection localeSelection;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        try {
            if (!Origins.own(request)) {
                // every step, not only the first: a page of another site must not drive the ceremony
                throw new MedsignException(ErrorCode.CARD_CHALLENGE_ORIGIN);
            }
            JsonObject body = CardRequests.body(request);
            switch (request.getPathInfo() == null ? "" : request.getPathInfo()) {
                case "/start" -> step(response, presence.start(CardRequests.binding(request, false),
                        CardRequests.text(body, "context")));
                case "/first" -> step(response, presence.confirmFirst(CardRequests.text(body, "ceremonyId"),
                        CardRequests.assertion(body), number(body, "agentSeq"), CardRequests.binding(request, false)));
                case "/second" -> proven(response, presence.confirmSecond(CardRequests.text(body, "ceremonyId"),
                        CardRequests.assertion(body), events(body), CardRequests.binding(request, false)));
                default -> throw new MedsignException(ErrorCode.NOT_FOUND);
            }
        } catch (MedsignException e) {
            CardResponses.error(response, e, localeSelection.getLocale());
        }
    }

    private static void step(HttpServletResponse response, PresenceStep step) throws IOException {
        CardResponses.ok(response, CardResponses.challenge(step.challenge())
                .add("ceremonyId", step.ceremonyId()).add("step", step.step()).build());
    }

    private static void proven(HttpServletResponse response, PresenceProof proof) throws IOException {
        CardResponses.ok(response, Json.createObjectBuilder()
                .add("proven", true)
                .add("ceremonyId", proof.ceremonyId())
                .add("cardSha256", proof.cardSha256())
                .add("provenAt", proof.provenAt().toString()).build());
    }

    private static long number(JsonObject body, String name) {
        JsonValue value = body.get(name);
        if (!(value instanceof JsonNumber number) || !number.isIntegral() || number.longValue() < 0) {
            throw new MedsignException(ErrorCode.INVALID_INPUT, name);
        }
        return number.longValue();
    }

    private static List<AgentEvent> events(JsonObject body) {
        List<AgentEvent> events = new ArrayList<>();
        if (body.get("events") instanceof JsonArray array) {
            for (JsonValue value : array) {
                if (value instanceof JsonObject event && event.get("seq") instanceof JsonNumber seq) {
                    events.add(new AgentEvent(seq.longValue(), CardRequests.text(event, "type"), CardRequests.text(event, "at")));
                }
            }
        }
        return events;
    }
}
