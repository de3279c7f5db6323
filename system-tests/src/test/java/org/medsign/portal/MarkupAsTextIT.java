package org.medsign.portal;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.DeviceBinder;
import org.medsign.mobile.DeviceInfo;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.MedsignClient;
import org.medsign.mobile.TicketLink;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Script and markup typed into the portal's text fields, or sent by a phone, come back as text on every page that
 * shows them, the user's and IT's: no element of theirs enters the page (checked in the DOM, not by a script running,
 * since the Content-Security-Policy would stop that anyway).
 */
@SystemTest
class MarkupAsTextIT {

    private static final String NURSE = "N0003";
    /** Each under its field's length limit, each marked with an id the page must never contain. */
    private static final String DEVICE_NAME = "<img id=xss1 src=x onerror=1>";
    private static final String DEVICE_NOTE = "\"><svg id=xss2 onload=alert(1)>";
    private static final String DELAY_REASON = "</td><script id=xss3>alert(1)</script>";
    private static final String CARD_NOTE = "<iframe id=xss4 src=javascript:alert(1)>";
    private static final String SEARCH = "<b id=xss5>q</b>";
    private static final String SECOND_NAME = "<b id=xss6>備註</b>";

    @Test
    void theNursesAndItsPagesShowMarkupAsText(MedsignServer server) throws Exception {
        // 識別名稱 from the portal (through the phone's binding) and a delay reason from the phone
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, NURSE, DEVICE_NAME);
        assertTrue(nurse.bindEPortal("10.20.30.40").statusCode() < 300);
        long overdue = HisRecords.add(server, NURSE, 1, 30);
        nurse.eportal().refresh();
        JsonNode signed = nurse.eportal().signPending(nurse.deviceId(), nurse.cms(), List.of(overdue), DELAY_REASON);
        assertEquals(1, signed.path("result").path("signed").asInt(), signed.toString());

        List<String> found = new ArrayList<>();
        try (Browser browser = new Browser(server)) {
            browser.logIn(NURSE, StaffSession.DEMO_PASSWORD);
            // 備註 typed into 匯入載具, then the phone binds with the ticket the page shows
            browser.open("portal/devices.xhtml");
            browser.await(By.id("devices:import")).click();
            browser.await(By.id("devices:name")).sendKeys(SECOND_NAME);
            browser.driver().findElement(By.id("devices:note")).sendKeys(DEVICE_NOTE);
            browser.driver().findElement(By.id("devices:getQr")).click();
            String code = browser.await(By.id("ticketCode")).getText().replace(" ", "");
            String link = browser.driver().findElement(By.id("ticketUri")).getText();
            new DeviceBinder(new MedsignClient(server.baseUrl(), DevTls.sslContext()))
                    .bind(TicketLink.parse(link), code, DeviceKeyStore.newKeyPair("EC"), DeviceInfo.thisMachine());

            found.addAll(check(browser, "portal/devices.xhtml", DEVICE_NAME, DEVICE_NOTE, SECOND_NAME));
            // 申請憑證's second step offers the phone without a certificate yet
            browser.open("portal/apply.xhtml");
            browser.await(By.id("apply:toDevice")).click();
            browser.await(By.id("apply:deviceChoice"));
            found.addAll(injected(browser, "apply"));
            if (!browser.driver().findElement(By.id("apply:deviceChoice")).getText().contains(SECOND_NAME)) {
                found.add("apply: not shown as text: " + SECOND_NAME);
            }
            browser.open("portal/reminders.xhtml");
            browser.await(By.id("reminders:email")).clear();
            browser.driver().findElement(By.id("reminders:email")).sendKeys(SEARCH + "@example.tw");
            browser.driver().findElement(By.id("reminders:save")).click();
            browser.await(By.id("reminders:email"));
            found.addAll(injected(browser, "reminders (refused e-mail)"));
        }

        try (Browser it = new Browser(server)) {
            it.logIn("IT0001", StaffSession.DEMO_PASSWORD);
            found.addAll(check(it, "portal/it/person.xhtml?employee=" + NURSE, DEVICE_NAME, DELAY_REASON));

            it.open("portal/it/card-links.xhtml");
            it.await(By.id("link:fingerprint")).sendKeys("ab".repeat(32));
            it.driver().findElement(By.id("link:employeeNumber")).sendKeys(NURSE);
            it.driver().findElement(By.id("link:note")).sendKeys(CARD_NOTE);
            it.driver().findElement(By.id("link:submit")).click();
            it.await(By.id("links"));
            found.addAll(check(it, "portal/it/card-links.xhtml", CARD_NOTE));

            for (String[] search : new String[][]{{"portal/it/staff.xhtml", "search:query", "search:go"},
                    {"portal/it/certificates.xhtml", "itcerts:query", "itcerts:go"}, {"portal/audit/log.xhtml", "audit:actor", "audit:search"}}) {
                it.open(search[0]);
                it.await(By.id(search[1])).sendKeys(SEARCH);
                it.driver().findElement(By.id(search[2])).click();
                Thread.sleep(1500);
                found.addAll(injected(it, search[0] + " search"));
            }
        }
        assertEquals(List.of(), found);
    }

    /** Opens the page, checks each text is shown literally and that none of the marked elements exists. */
    private static List<String> check(Browser browser, String path, String... texts) {
        browser.open(path);
        browser.await(By.tagName("h1"));
        List<String> problems = new ArrayList<>(injected(browser, path));
        String shown = browser.driver().findElement(By.tagName("body")).getText();
        for (String text : texts) {
            if (!shown.contains(text.strip())) {
                problems.add(path + ": not shown as text: " + text);
            }
        }
        return problems;
    }

    private static List<String> injected(Browser browser, String where) {
        Object ids = ((JavascriptExecutor) browser.driver()).executeScript(
                "return Array.from(document.querySelectorAll('[id^=xss]')).map(e => e.id).join(',');");
        return String.valueOf(ids).isEmpty() ? List.of() : List.of(where + ": elements injected: " + ids);
    }
}
