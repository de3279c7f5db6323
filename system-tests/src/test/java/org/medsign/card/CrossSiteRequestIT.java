package org.medsign.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp.Reply;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests that change state outside Faces' view-state token (the card login, the card presence ceremony, logout)
 * accept only this server's own pages: a page of another site that posts a form to them, as an attacker's page
 * would while the user is logged in, is refused with a code, and the user's session goes on.
 */
@SystemTest
class CrossSiteRequestIT {

    private static final String FROM = "127.0.0.9";

    @Test
    void anotherSitesFormPostsAreRefusedInChromium(MedsignServer server) throws Exception {
        Map<String, String> pages = Map.of(
                "/card-login", form(server.url("card/login").toString(), "text/plain",
                        "<input name='{\"challengeId\":\"x\",\"signature\":\"' value='\"}'>"),
                "/presence", form(server.url("portal/card/presence/start").toString(), "text/plain",
                        "<input name='{\"context\":\"' value='\"}'>"),
                "/logout", form(server.url("logout").toString(), "application/x-www-form-urlencoded", ""),
                "/faces", form(server.url("login.xhtml").toString(), "application/x-www-form-urlencoded",
                        "<input name='login' value='login'><input name='jakarta.faces.ViewState' value='1:2'>"
                                + "<input name='login:username' value='N0002'><input name='login:submit' value=''>"));
        HttpServer attacker = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pages.forEach((path, html) -> attacker.createContext(path, exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        }));
        attacker.start();
        String site = "http://127.0.0.1:" + attacker.getAddress().getPort();
        try (Browser browser = new Browser(server)) {
            browser.logIn("N0002", StaffSession.DEMO_PASSWORD);
            browser.awaitPath("/portal/");

            assertEquals("MS-2013", answerTo(browser, site + "/card-login"), "card login");
            // SameSite keeps the session cookie off this post, so the container asks for a login; with it, MS-2013
            String presence = answerTo(browser, site + "/presence");
            assertTrue(presence.equals("MS-2013") || browser.driver().getCurrentUrl().contains("/login.xhtml"), presence);
            assertTrue(answerTo(browser, site + "/logout").contains("MS-1005"), "logout");
            assertTrue(answerTo(browser, site + "/faces").contains("MS-1005"), "a Faces form (the public login page: pages under /portal/ first ask for the login SameSite withheld)");

            // still logged in: none of the posts ended or changed the session
            browser.open("portal/home.xhtml");
            browser.await(By.id("greeting"));
            assertTrue(browser.driver().getCurrentUrl().contains("/portal/home"), browser.driver().getCurrentUrl());
        } finally {
            attacker.stop(0);
        }
    }

    @Test
    void everyStepOfTheCardServletsChecksTheOrigin(MedsignServer server) throws Exception {
        CardHttp http = new CardHttp(FROM);
        assertEquals(200, http.logIn(new DevHca(server).card("N0002.p12")).status());
        String evil = "https://evil.example";
        for (String path : new String[]{"card/challenge", "card/login", "portal/card/presence/start",
                "portal/card/presence/first", "portal/card/presence/second"}) {
            Reply refused = http.post(path, CardHttp.HOST, evil, "{}");
            assertEquals(403, refused.status(), path + ": " + refused.body());
            assertEquals("MS-2013", refused.code(), path);
            Reply missing = http.post(path, CardHttp.HOST, null, "{}");
            assertEquals("MS-2013", missing.code(), path + " without Origin");
        }
        // and with its own origin the ceremony still starts
        JsonNode started = http.post("portal/card/presence/start", "{}").json();
        assertTrue(started.hasNonNull("ceremonyId"), started.toString());
    }

    /** An attacker's page that posts a form at once, as the user opens it. */
    private static String form(String action, String enctype, String fields) {
        return "<!doctype html><html><body><form method='post' action='" + action + "' enctype='" + enctype + "'>"
                + fields + "</form><script>document.forms[0].submit()</script></body></html>";
    }

    /** Opens the attacker's page and returns what medsign answered to its post (the code, or the page's text). */
    private static String answerTo(Browser browser, String page) {
        browser.driver().get(page);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                .until(d -> d.getCurrentUrl().contains("/medsign/"));
        String text = browser.driver().findElement(By.tagName("body")).getText();
        int code = text.indexOf("\"code\":\"");
        return code >= 0 ? text.substring(code + 8, code + 15) : text;
    }
}
