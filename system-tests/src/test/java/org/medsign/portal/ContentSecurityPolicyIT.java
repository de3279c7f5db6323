package org.medsign.portal;

import org.junit.jupiter.api.Test;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Content-Security-Policy as a browser enforces it: every page of every role opens in Chromium, its AJAX
 * buttons work, and the console never reports a refused script or style; a script injected into a page does not run.
 */
@SystemTest
class ContentSecurityPolicyIT {

    /** Every page a role has in its menu, with the AJAX control it exercises there (or null). */
    private static final Map<String, List<String>> PAGES_BY_ACCOUNT = Map.of(
            "N0001", List.of("portal/home.xhtml", "portal/profile.xhtml", "portal/apply.xhtml",
                    "portal/certificates.xhtml", "portal/devices.xhtml", "portal/reminders.xhtml",
                    "portal/card-check.xhtml", "faq.xhtml"),
            "IT0001", List.of("portal/home.xhtml", "portal/it/staff.xhtml", "portal/it/person.xhtml?employee=N0001",
                    "portal/it/certificates.xhtml", "portal/it/health.xhtml", "portal/it/batch.xhtml",
                    "portal/it/deadlines.xhtml", "portal/it/card-links.xhtml", "portal/it/dev-hca.xhtml",
                    "portal/audit/log.xhtml"),
            "AU0001", List.of("portal/home.xhtml", "portal/audit/log.xhtml", "portal/certificates.xhtml"));

    private static final Pattern NONCE = Pattern.compile("script-src 'self' 'nonce-([A-Za-z0-9+/=_-]{16,})';?$");

    @Test
    void everyPageOfEveryRoleRunsWithoutAViolation(MedsignServer server) {
        List<String> violations = new ArrayList<>();
        try (Browser browser = new Browser(server)) {
            browser.open("login.xhtml");
            browser.await(By.id("login:username"));
            violations.addAll(cspMessages("login.xhtml", browser));
            browser.open("no-such-page");
            violations.addAll(cspMessages("error page", browser));
        }
        PAGES_BY_ACCOUNT.forEach((account, pages) -> {
            try (Browser browser = new Browser(server)) {
                browser.logIn(account, StaffSession.DEMO_PASSWORD);
                for (String page : pages) {
                    browser.open(page);
                    browser.await(By.tagName("h1"));
                    // An AJAX round trip with an oncomplete handler, the kind CSP mode has to move out of the markup.
                    browser.driver().findElements(By.id("header:restartTimer")).forEach(b -> b.click());
                    waitForAjax(browser);
                    violations.addAll(cspMessages(account + " " + page, browser));
                }
                // The language switch posts the header's form and renders the page anew.
                browser.open("portal/home.xhtml");
                browser.await(By.id("header:language")).click();
                browser.await(By.id("header:restartTimer"));
                violations.addAll(cspMessages(account + " language", browser));
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void aScriptSmuggledIntoAPageDoesNotRun(MedsignServer server) {
        try (Browser browser = new Browser(server)) {
            browser.logIn("N0001", StaffSession.DEMO_PASSWORD);
            browser.open("portal/devices.xhtml");
            browser.await(By.id("header:restartTimer"));
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            // As markup an attacker might get into the page would: an inline script and an inline handler.
            Object ran = page.executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const s = document.createElement('script'); s.textContent = 'window.smuggled = 1;';
                    document.body.appendChild(s);
                    const d = document.createElement('div'); d.innerHTML = '<img src="x" onerror="window.smuggled = 2">';
                    document.body.appendChild(d);
                    setTimeout(() => done(window.smuggled === undefined ? null : window.smuggled), 500);""");
            assertNull(ran, "an inline script ran");
            assertTrue(cspMessages("devices", browser).size() >= 2, "Chromium reported the refusals");
        }
    }

    @Test
    void pagesCarryANoncePolicyThatChangesEveryTimeAndNoUnsafeInlineScript(MedsignServer server) throws Exception {
        HttpClient http = DevTls.http().build();
        String first = policy(http, server, "login.xhtml");
        String second = policy(http, server, "login.xhtml");
        Matcher a = NONCE.matcher(first);
        Matcher b = NONCE.matcher(second);
        assertTrue(a.find(), first);
        assertTrue(b.find(), second);
        assertNotEquals(a.group(1), b.group(1), "a fresh nonce per answer");
        assertTrue(first.contains("frame-ancestors 'none'"), first);
        assertTrue(first.contains("object-src 'none'"), first);
        assertFalse(scripts(first).contains("unsafe"), first);

        // the API, the PKI, and a missing path whose error page Faces renders: one policy each, no inline script
        for (String path : List.of("api/v1/health", "pki/mobile/ca.crt", "no-such-page")) {
            String other = policy(http, server, path);
            assertTrue(other.contains("frame-ancestors 'none'"), path + ": " + other);
            assertFalse(scripts(other).contains("unsafe"), path + ": " + other);
        }
    }

    /** Exactly one policy: two would both apply, and the stricter one would block PrimeFaces' nonce scripts. */
    private static String policy(HttpClient http, MedsignServer server, String path) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(server.url(path)).build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> policies = response.headers().allValues("Content-Security-Policy");
        assertEquals(1, policies.size(), path + ": " + policies);
        return policies.get(0);
    }

    /** The sources scripts may come from: script-src, or default-src when there is none. */
    private static String scripts(String policy) {
        for (String name : List.of("script-src", "default-src")) {
            for (String directive : policy.split(";")) {
                if (directive.strip().startsWith(name + " ")) {
                    return directive.strip();
                }
            }
        }
        throw new AssertionError("no script sources in " + policy);
    }

    private static List<String> cspMessages(String where, Browser browser) {
        return browser.consoleMessages().stream()
                .filter(m -> m.contains("Content Security Policy") || m.contains("Content-Security-Policy"))
                .map(m -> where + ": " + m).toList();
    }

    private static void waitForAjax(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return !window.PrimeFaces || !PrimeFaces.ajax || PrimeFaces.ajax.Queue.isEmpty();")));
    }
}
