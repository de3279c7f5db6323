package org.medsign.transport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a browser and a phone meet on the wire: pages and the API over HTTPS only, the PKI also over plain HTTP,
 * the session cookie's flags and HSTS as the Set-Cookie and Strict-Transport-Security headers carry them.
 */
@SystemTest
class TransportSecurityIT {

    private static final String HTTPS_BASE = "https://localhost:" + MedsignServer.HTTPS_PORT + "/medsign/";

    private final HttpClient http = DevTls.http().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aPlainHttpPageIsRedirectedToTheSamePathOverHttpsOnTheShiftedPort(MedsignServer server) throws Exception {
        HttpResponse<String> get = http.send(HttpRequest.newBuilder(server.plainHttpUrl("faq.xhtml?lang=en")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(301, get.statusCode());
        assertEquals(HTTPS_BASE + "faq.xhtml?lang=en", get.headers().firstValue("Location").orElse(""));

        // A form post keeps its method: 308, not a 301 a browser would turn into a GET.
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.plainHttpUrl("login.xhtml"))
                .POST(HttpRequest.BodyPublishers.ofString("a=b")).header("Content-Type", "application/x-www-form-urlencoded")
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(308, post.statusCode());
        assertEquals(HTTPS_BASE + "login.xhtml", post.headers().firstValue("Location").orElse(""));
    }

    @Test
    void theApiRefusesPlainHttpWithMs9007InsteadOfRedirectingAPost(MedsignServer server) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.plainHttpUrl("api/v1/sessions"))
                .POST(HttpRequest.BodyPublishers.ofString("{\"site\":\"T0\",\"account\":\"N0001\",\"password\":\"Medsign#2026\"}"))
                .header("Content-Type", "application/json").header("Accept-Language", "en").build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Location").isEmpty(), "no redirect");
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertEquals("MS-9007", problem.path("code").asText());
        assertEquals("HTTPS required", problem.path("title").asText());

        HttpResponse<String> chinese = http.send(HttpRequest.newBuilder(server.plainHttpUrl("api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals("須使用 HTTPS", new ObjectMapper().readTree(chinese.body()).path("title").asText());
    }

    @Test
    void thePkiStaysOnPlainHttpForRelyingParties(MedsignServer server) throws Exception {
        for (String path : List.of("pki/mobile/ca.crl", "pki/mobile/ca.crt", "pki/mobile/chain.pem")) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(server.plainHttpUrl(path)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, response.statusCode(), path);
            assertTrue(response.body().length > 100, path);
            assertTrue(response.headers().firstValue("Strict-Transport-Security").isEmpty(), "HSTS only on HTTPS");
        }
    }

    @Test
    void httpsAnswersCarryHstsAndTheHeadersMedsignAlwaysSends(MedsignServer server) throws Exception {
        for (String path : List.of("login.xhtml", "api/v1/health", "pki/mobile/ca.crt")) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.url(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), path);
            assertEquals("max-age=31536000", response.headers().firstValue("Strict-Transport-Security").orElse(""), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), path);
        }
    }

    @Test
    void theSessionCookieIsSecureHttpOnlyAndSameSiteLaxAsSent(MedsignServer server) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.url("login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("MEDSIGNSESSION=")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers().map()));
        List<String> attributes = List.of(cookie.toLowerCase(Locale.ROOT).split(";\\s*"));
        assertTrue(attributes.contains("secure"), cookie);
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=lax"), cookie);
    }

    @Test
    void forwardedHttpsIsBelievedFromTheTrustedProxyOnly() throws Exception {
        // The test server trusts 127.0.0.1/32 as the hospital proxy (MEDSIGN_INTRANET_TRUSTED_PROXIES).
        String proxied = plain("127.0.0.1", "GET /medsign/login.xhtml", "X-Forwarded-Proto: https");
        assertTrue(proxied.startsWith("HTTP/1.1 200"), proxied);
        assertTrue(proxied.contains("\r\nStrict-Transport-Security: max-age=31536000\r\n"), proxied);

        String behindProxyInClear = plain("127.0.0.1", "GET /medsign/login.xhtml", "X-Forwarded-Proto: http");
        assertTrue(behindProxyInClear.startsWith("HTTP/1.1 301"), behindProxyInClear);
        assertTrue(behindProxyInClear.contains("\r\nLocation: https://localhost/medsign/login.xhtml\r\n"), behindProxyInClear);

        String untrusted = plain("127.0.0.2", "GET /medsign/login.xhtml", "X-Forwarded-Proto: https");
        assertTrue(untrusted.startsWith("HTTP/1.1 301"), untrusted);
        String untrustedApi = plain("127.0.0.2", "GET /medsign/api/v1/health", "X-Forwarded-Proto: https");
        assertTrue(untrustedApi.startsWith("HTTP/1.1 403") && untrustedApi.contains("MS-9007"), untrustedApi);
    }

    @Test
    void chromiumFollowsTheRedirectAndTrustsTheDevelopmentCertificate(MedsignServer server) {
        try (Browser browser = new Browser(server)) {
            browser.driver().get(server.plainHttpUrl("login.xhtml").toString());
            browser.await(By.id("login:username"));
            assertTrue(browser.driver().getCurrentUrl().startsWith(HTTPS_BASE + "login.xhtml"),
                    browser.driver().getCurrentUrl());
            // HttpOnly as the browser applies it: the page's scripts do not see the session cookie.
            Object visible = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("return document.cookie");
            assertFalse(String.valueOf(visible).contains("MEDSIGNSESSION"), String.valueOf(visible));
        }
    }

    /** One plain-HTTP request from a chosen loopback address (a proxy or not), answered in full. */
    private static String plain(String from, String requestLine, String header) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", MedsignServer.HTTP_PORT), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + " HTTP/1.1\r\nHost: localhost:" + MedsignServer.HTTP_PORT + "\r\n" + header
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
