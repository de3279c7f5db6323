package org.medsign.staff;

import org.junit.jupiter.api.Test;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.SystemTest;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Password login: the happy path, the session it opens and closes, and every bad input answered with its code. */
@SystemTest
class PasswordLoginIT {

    private static final String PASSWORD = "Medsign#2026";

    private static Page login(PortalClient client, String username, String password) {
        Page form = client.open("login.xhtml");
        HttpResponse<String> response = client.submit(form, "login",
                Map.of("login:username", username, "login:password", password), "login:submit");
        return response.statusCode() == 302 ? client.open("portal/home.xhtml") : new Page(response);
    }

    private static String messages(Page page) {
        return page.document().select("#login\\:messages").text();
    }

    @Test
    void theRightPasswordOpensHome(MedsignServer server) {
        Page home = login(new PortalClient(server), "n0001", PASSWORD);
        assertEquals("/medsign/portal/home.xhtml", home.path());
        assertTrue(home.document().select("#greeting").text().contains("陳美玲 護理師 您好!"), home.text());
    }

    @Test
    void anUnknownAccountIsAnsweredLikeAWrongPassword(MedsignServer server) {
        Page page = login(new PortalClient(server), "X9999", PASSWORD);
        assertTrue(messages(page).contains("[MS-1001]"), messages(page));
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne(MedsignServer server) throws SQLException {
        PortalClient client = new PortalClient(server);
        for (int i = 1; i <= 4; i++) {
            assertTrue(messages(login(client, "N0005", "wrong-" + i)).contains("[MS-1001]"));
        }
        assertTrue(messages(login(client, "N0005", "wrong-5")).contains("[MS-1002]"));
        Page locked = login(client, "N0005", PASSWORD);
        assertTrue(messages(locked).contains("[MS-1002]"), messages(locked));
        assertFalse(locked.path().contains("/portal/"));
        if (server.database().postgres()) {
            try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
                ResultSet account = s.executeQuery("SELECT locked_until FROM portal_account WHERE username = 'N0005'");
                assertTrue(account.next() && account.getTimestamp(1) != null);
                ResultSet audit = s.executeQuery("SELECT count(*) FROM audit_event WHERE actor = 'N0005'"
                        + " AND action = 'PORTAL_LOGIN' AND outcome = 'FAILURE'");
                assertTrue(audit.next() && audit.getInt(1) == 6, "every refused try is audited");
            }
        }
    }

    @Test
    void overLongAndMalformedAccountsAreRefusedWithTheirCode(MedsignServer server) {
        for (String bad : new String[]{"N".repeat(200), "N0001' OR '1'='1", "陳美玲"}) {
            Page page = login(new PortalClient(server), bad, PASSWORD);
            assertTrue(messages(page).contains("[MS-1003]"), bad + ": " + messages(page));
        }
    }

    @Test
    void aFormPostWithoutItsTokenIsRefusedAndChangesNothing(MedsignServer server) {
        PortalClient client = new PortalClient(server);
        client.open("login.xhtml");
        HttpResponse<String> response = client.post("login.xhtml", Map.of("login", "login",
                "login:username", "N0001", "login:password", PASSWORD, "login:submit", ""), Map.of());
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("MS-1005"), response.body());
        assertEquals(302, client.get("portal/home.xhtml").statusCode(), "no session was opened");
    }

    @Test
    void aPostFromAnotherSiteIsRefused(MedsignServer server) {
        PortalClient client = new PortalClient(server);
        Page form = client.open("login.xhtml");
        String viewState = form.document().select("#login input[name=jakarta.faces.ViewState]").val();
        HttpResponse<String> response = client.post("login.xhtml", Map.of("login", "login",
                "login:username", "N0001", "login:password", PASSWORD, "login:submit", "",
                "jakarta.faces.ViewState", viewState), Map.of("Origin", "http://evil.example"));
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("MS-1005"));
        assertEquals(302, client.get("portal/home.xhtml").statusCode());
    }

    @Test
    void aForgedViewStateLogsNobodyIn(MedsignServer server) {
        PortalClient client = new PortalClient(server);
        client.open("login.xhtml");
        HttpResponse<String> response = client.post("login.xhtml", Map.of("login", "login",
                "login:username", "N0001", "login:password", PASSWORD, "login:submit", "",
                "jakarta.faces.ViewState", "123:456"), Map.of());
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").contains("login.xhtml?expired=true"));
        assertEquals(302, client.get("portal/home.xhtml").statusCode());
    }

    @Test
    void loginGivesANewSessionIdAndLogoutEndsTheSessionOnTheServer(MedsignServer server) throws Exception {
        PortalClient client = new PortalClient(server);
        client.open("login.xhtml");
        String before = session(client);
        login(client, "N0001", PASSWORD);
        String after = session(client);
        assertFalse(after.equals(before), "a new session id at login (no fixation): " + before);
        // the id planted before the login opens nothing; the new one opens 首頁
        assertEquals(302, withCookie(server, before, "portal/home.xhtml").statusCode());
        assertEquals(200, withCookie(server, after, "portal/home.xhtml").statusCode());

        HttpResponse<String> logout = client.post("logout", Map.of(), Map.of());
        assertEquals(302, logout.statusCode());
        // whoever kept the cookie (another tab, a copied header) finds the session gone on the server
        HttpResponse<String> replayed = withCookie(server, after, "portal/home.xhtml");
        assertEquals(302, replayed.statusCode());
        assertTrue(replayed.headers().firstValue("Location").orElse("").endsWith("/medsign/login.xhtml"));
        // the countdown's logout at time-out (M4) goes the same way
        login(client, "N0001", PASSWORD);
        String timedOut = session(client);
        assertEquals(302, client.get("logout").statusCode());
        assertEquals(302, withCookie(server, timedOut, "portal/home.xhtml").statusCode());
    }

    private static String session(PortalClient client) {
        return client.cookies().stream().filter(c -> c.getName().equals("MEDSIGNSESSION")).map(java.net.HttpCookie::getValue)
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie"));
    }

    private static HttpResponse<String> withCookie(MedsignServer server, String session, String path) throws Exception {
        return DevTls.http().followRedirects(java.net.http.HttpClient.Redirect.NEVER).build().send(
                java.net.http.HttpRequest.newBuilder(server.url(path)).header("Cookie", "MEDSIGNSESSION=" + session).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void pagesNeedALogin(MedsignServer server) {
        HttpResponse<String> response = new PortalClient(server).get("portal/profile.xhtml");
        assertEquals(302, response.statusCode());
        assertTrue(response.headers().firstValue("Location").orElse("").endsWith("/medsign/login.xhtml"));
    }

    @Test
    void staffCannotOpenItPages(MedsignServer server) {
        PortalClient client = new PortalClient(server);
        login(client, "N0001", PASSWORD);
        HttpResponse<String> response = client.get("portal/it/staff.xhtml");
        assertEquals(403, response.statusCode());
        assertTrue(response.body().contains("MS-1006"), response.body());
    }
}
