package org.medsign.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.medsign.mobile.AppSession;
import org.medsign.mobile.MedsignClient;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page of the portal and every path of the mobile API, with each role and with none: the answer must be what
 * the role allows. New pages and endpoints must be added to the tables here, or this test fails.
 */
@SystemTest
class RoleMatrixIT {

    private enum Who { NONE, STAFF, IT_ADMIN, AUDITOR }

    /** Who may open each page; everyone else is sent to log in (NONE) or refused with 403. */
    private static final Map<String, Set<Who>> PAGES = Map.ofEntries(
            Map.entry("login.xhtml", Set.of(Who.NONE, Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("faq.xhtml", Set.of(Who.NONE, Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("error.xhtml", Set.of(Who.NONE, Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("index.xhtml", Set.of(Who.NONE, Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/home.xhtml", Set.of(Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/profile.xhtml", Set.of(Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/apply.xhtml", Set.of(Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/card-check.xhtml", Set.of(Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/certificates.xhtml", Set.of(Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/devices.xhtml", Set.of(Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/reminders.xhtml", Set.of(Who.STAFF, Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/audit/log.xhtml", Set.of(Who.IT_ADMIN, Who.AUDITOR)),
            Map.entry("portal/it/batch.xhtml", Set.of(Who.IT_ADMIN)),
            Map.entry("portal/it/card-links.xhtml", Set.of(Who.IT_ADMIN)),
            Map.entry("portal/it/certificates.xhtml", Set.of(Who.IT_ADMIN)),
            Map.entry("portal/it/deadlines.xhtml", Set.of(Who.IT_ADMIN)),
            Map.entry("portal/it/dev-hca.xhtml", Set.of(Who.IT_ADMIN)),
            Map.entry("portal/it/health.xhtml", Set.of(Who.IT_ADMIN)),
            Map.entry("portal/it/person.xhtml", Set.of(Who.IT_ADMIN)),
            Map.entry("portal/it/staff.xhtml", Set.of(Who.IT_ADMIN)));

    /** API paths that answer without a token; all others need the app's login. */
    private static final Set<String> PUBLIC_API = Set.of("/api/v1/health", "/api/v1/openapi.json", "/api/v1/openapi.yaml",
            "/api/v1/devices", "/api/v1/sessions", "/api/v1/errors");

    private static final Map<Who, String> PEOPLE = Map.of(Who.STAFF, "N0001", Who.IT_ADMIN, "IT0001", Who.AUDITOR, "AU0001");

    @Test
    void everyPageAnswersEachRoleAsItMay(MedsignServer server) throws IOException {
        Set<String> pages = new TreeSet<>();
        // the production WAR's pages and those the demo WAR adds to it (the development HCA's)
        for (String module : List.of("web", "demo-web")) {
            Path webapp = Path.of(System.getProperty("medsign.repo.dir"), module, "src/main/webapp");
            try (Stream<Path> files = Files.walk(webapp)) {
                files.filter(f -> f.toString().endsWith(".xhtml") && !f.toString().contains("WEB-INF"))
                        .forEach(f -> pages.add(webapp.relativize(f).toString()));
            }
        }
        assertEquals(new TreeSet<>(PAGES.keySet()), pages, "every page has a rule in this test");
        List<String> wrong = new ArrayList<>();
        for (Who who : Who.values()) {
            PortalClient client = who == Who.NONE ? new PortalClient(server) : StaffSession.logIn(server, PEOPLE.get(who)).client();
            for (String page : pages) {
                int status = client.get(page).statusCode();
                boolean allowed = PAGES.get(page).contains(who);
                int expected = allowed ? (page.equals("index.xhtml") ? 302 : 200) : (who == Who.NONE ? 302 : 403);
                if (page.equals("error.xhtml") && status == 500) {
                    continue;
                }
                if (status != expected) {
                    wrong.add(who + " " + page + " → " + status + " (expected " + expected + ")");
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    @Test
    void everyApiPathNeedsTheAppsLoginUnlessItIsPublic(MedsignServer server) throws Exception {
        HttpClient http = DevTls.httpClient();
        JsonNode paths = new ObjectMapper().readTree(http.send(HttpRequest.newBuilder(server.url("api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("paths");
        AppSession session = new MedsignClient(server.baseUrl(), DevTls.sslContext()).login("T0", "AU0001", StaffSession.DEMO_PASSWORD);
        List<String> wrong = new ArrayList<>();
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            String concrete = path.replace("{serial}", "abc123").replace("{id}", "1").replaceFirst("^/api/", "api/");
            for (Iterator<String> methods = paths.path(path).fieldNames(); methods.hasNext(); ) {
                String method = methods.next().toUpperCase();
                HttpResponse<String> anonymous = http.send(request(server, concrete, method, null), HttpResponse.BodyHandlers.ofString());
                if (!PUBLIC_API.contains(path) && (anonymous.statusCode() != 401 || !anonymous.body().contains("MS-1007"))) {
                    wrong.add("no token: " + method + " " + path + " → " + anonymous.statusCode() + " " + anonymous.body());
                }
                HttpResponse<String> forged = http.send(request(server, concrete, method, "forged"), HttpResponse.BodyHandlers.ofString());
                if (!PUBLIC_API.contains(path) && (forged.statusCode() != 401 || !forged.body().contains("MS-1011"))) {
                    wrong.add("forged token: " + method + " " + path + " → " + forged.statusCode());
                }
                HttpResponse<String> loggedIn = http.send(request(server, concrete, method, session.token()),
                        HttpResponse.BodyHandlers.ofString());
                if (loggedIn.statusCode() == 401 || loggedIn.statusCode() >= 500) {
                    wrong.add("logged in: " + method + " " + path + " → " + loggedIn.statusCode() + " " + loggedIn.body());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static HttpRequest request(MedsignServer server, String path, String method, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(server.url(path)).header("Content-Type", "application/json")
                .method(method, method.equals("GET") ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
        return token == null ? builder.build() : builder.header("Authorization", "Bearer " + token).build();
    }
}
