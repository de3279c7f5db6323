package org.medsign.credential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jsoup.nodes.Element;
import org.medsign.card.CardHttp;
import org.medsign.card.SoftCard;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.StaffSession;

import java.net.HttpCookie;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * 申請憑證 (M10–M13) over plain HTTP, as the wizard page and card.js would do it: the wizard's steps as form posts,
 * and the card ceremony (PIN, pull out, insert, PIN) signed by a soft card, with the agent's events reported.
 */
public final class Enrolments {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    private Enrolments() {
    }

    /** Runs the wizard for the named bound device; returns the QR link and password of 取得 QRCode 成功. */
    public static Ticket apply(StaffSession session, String deviceName, SoftCard card) throws Exception {
        Finished finished = finish(session, deviceName, card, "certificate application");
        return ticket(finished.page(), finished.deviceId());
    }

    /**
     * The wizard's card step finished, its ceremony sent to {@code httpsPort} (a cluster's balancer): what a user
     * does after {@link #upToCard}, maybe on another node.
     */
    public static Ticket apply(StaffSession session, AtCard wizard, SoftCard card, int httpsPort) throws Exception {
        String ceremony = prove(session, card, "certificate application", httpsPort);
        Page result = new Page(session.client().submit(wizard.page(), "apply", Map.of("apply:ceremonyId", ceremony),
                "apply:finish"));
        return ticket(result, wizard.deviceId());
    }

    private static Ticket ticket(Page result, String deviceId) {
        String uri = result.document().select("#enrolUri").text();
        String code = result.document().select("#enrolCode").text().replace(" ", "");
        if (uri.isEmpty()) {
            throw new IllegalStateException("no enrolment ticket (" + result.response().statusCode() + " "
                    + result.response().headers().firstValue("Location").orElse(result.path()) + "): "
                    + result.document().select("#messages").text() + " on the step "
                    + result.document().select("[id~=^apply:(confirm|device|statement|card|result)$]").eachAttr("id"));
        }
        return new Ticket(uri, code, deviceId, result.document().select("#qr").attr("src"));
    }

    /** The page the wizard ended on, and the device it was for. */
    record Finished(Page page, String deviceId) {
    }

    /** The wizard on its card step (the view-scoped state holds the device and the accepted statement). */
    public record AtCard(Page page, String deviceId) {
    }

    /** The wizard up to its end, with a card ceremony proven for {@code context}. */
    static Finished finish(StaffSession session, String deviceName, SoftCard card, String context) throws Exception {
        AtCard wizard = upToCard(session, deviceName);
        String ceremony = prove(session, card, context);
        return new Finished(new Page(session.client().submit(wizard.page(), "apply",
                Map.of("apply:ceremonyId", ceremony), "apply:finish")), wizard.deviceId());
    }

    /** My data, the device (the named bound one), the statement accepted: the wizard waits for the card. */
    public static AtCard upToCard(StaffSession session, String deviceName) {
        PortalClient client = session.client();
        Page confirm = client.open("portal/apply.xhtml");
        Page device = new Page(client.submit(confirm, "apply", Map.of(), "apply:toDevice"));
        String deviceId = null;
        for (Element label : device.document().select("#apply\\:deviceChoice label")) {
            if (label.text().startsWith(deviceName + " ")) {
                deviceId = device.document().getElementById(label.attr("for")).val();
            }
        }
        if (deviceId == null) {
            throw new IllegalStateException("device " + deviceName + " not offered: " + device.text());
        }
        Page statement = new Page(client.submit(device, "apply", Map.of("apply:deviceChoice", deviceId), "apply:toStatement"));
        return new AtCard(new Page(client.submit(statement, "apply", Map.of("apply:accept_input", "on"),
                "apply:toCard")), deviceId);
    }

    /** The card presence ceremony of M12 with a soft card, in the portal session of {@code session}. */
    static String prove(StaffSession session, SoftCard card) throws Exception {
        return prove(session, card, "certificate application");
    }

    /** The ceremony for another purpose, named by {@code context} as the page that runs it names it. */
    static String prove(StaffSession session, SoftCard card, String context) throws Exception {
        return prove(session, card, context, new CardHttp(nextAddress()));
    }

    private static String prove(StaffSession session, SoftCard card, String context, int httpsPort) throws Exception {
        return prove(session, card, context, new CardHttp(nextAddress(), httpsPort));
    }

    private static String nextAddress() {
        return "127.0.0." + (11 + ADDRESS.getAndIncrement() % 240);
    }

    private static String prove(StaffSession session, SoftCard card, String context, CardHttp http) throws Exception {
        http.cookie(sessionCookie(session));
        JsonNode first = ok(http.post("portal/card/presence/start",
                CardHttp.JSON.createObjectNode().put("context", context).toString()));
        String ceremony = first.path("ceremonyId").asText();
        ObjectNode firstSignature = signed(ceremony, first, card).put("agentSeq", 0);
        JsonNode second = ok(http.post("portal/card/presence/first", firstSignature.toString()));
        ObjectNode secondSignature = signed(ceremony, second, card);
        String now = Instant.now().toString();
        secondSignature.putArray("events")
                .add(CardHttp.JSON.createObjectNode().put("seq", 1).put("type", "CARD_REMOVED").put("at", now))
                .add(CardHttp.JSON.createObjectNode().put("seq", 2).put("type", "CARD_INSERTED").put("at", now));
        ok(http.post("portal/card/presence/second", secondSignature.toString()));
        return ceremony;
    }

    private static ObjectNode signed(String ceremony, JsonNode step, SoftCard card) throws Exception {
        ObjectNode body = (ObjectNode) CardHttp.JSON.readTree(CardHttp.assertion(CardHttp.Challenge.of(step), card));
        return body.put("ceremonyId", ceremony);
    }

    private static JsonNode ok(CardHttp.Reply reply) throws Exception {
        if (reply.status() != 200) {
            throw new IllegalStateException("card ceremony refused: " + reply.status() + " " + reply.body());
        }
        return reply.json();
    }

    private static String sessionCookie(StaffSession session) {
        for (HttpCookie cookie : session.client().cookies()) {
            if ("MEDSIGNSESSION".equals(cookie.getName())) {
                return cookie.getName() + "=" + cookie.getValue();
            }
        }
        throw new IllegalStateException("no portal session cookie");
    }

    /** 取得 QRCode 成功: the QR's link, its password, the device it is for and the QR image (a data URI). */
    public record Ticket(String uri, String code, String deviceId, String qrImage) {
    }
}
