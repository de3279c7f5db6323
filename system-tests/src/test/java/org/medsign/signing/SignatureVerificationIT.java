package org.medsign.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignApiException;
import org.medsign.mobile.MedsignClient;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A stored signature re-verified later: the report through the API, {@code openssl cms -verify} and EU DSS (online
 * revocation from medsign's PKI, the root as the only trust anchor) on the stored CAdES-T, IT's person page in Chromium (verify, revoke), and a changed HIS record found by the report.
 */
@SystemTest
class SignatureVerificationIT {

    private static final List<String> CHECKS = List.of("FORMAT", "CONTENT_DIGEST", "SIGNING_CERTIFICATE", "SIGNATURE_VALUE",
            "TIMESTAMP", "CERTIFICATE_CHAIN", "REVOCATION", "LONG_TERM_EVIDENCE");

    @Test
    void aStoredSignatureIsReverifiedByTheApiOpensslAndItsPersonPage(MedsignServer server, @TempDir Path dir) throws Exception {
        assumeTrue(server.his().postgres(), "the test writes to the HIS stand-in by SQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0003", "驗證報告手機");
        nurse.bindEPortal("10.20.30.43");
        long recordId = HisRecords.add(server, "N0003", 1);
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        byte[] canonical = Base64.getDecoder().decode(eportal.record(recordId).path("canonical").asText());
        JsonNode signed = eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(recordId), null);
        assertEquals(1, signed.path("result").path("signed").asInt(), signed.toString());
        long signatureId = signatureOf(eportal, recordId);

        JsonNode report = eportal.verification(signatureId);
        assertEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
        assertEquals(CHECKS, names(report));
        report.path("checks").forEach(c -> assertEquals("PASSED", c.path("outcome").asText(), c.toString()));

        Files.write(dir.resolve("record.bin"), canonical);
        Files.write(dir.resolve("stored.der"), eportal.storedCms(signatureId));
        Files.writeString(dir.resolve("chain.pem"), nurse.chainPem());
        Tools.Result openssl = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                dir.resolve("stored.der").toString(), "-content", dir.resolve("record.bin").toString(), "-CAfile",
                dir.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(openssl.all().contains("Verification successful"), openssl.all());
        byte[] root = DevTls.httpClient().send(java.net.http.HttpRequest.newBuilder(server.plainHttpUrl("pki/mobile/root.crt")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body();
        Dss.Outcome dss = Dss.validate(eportal.storedCms(signatureId), canonical, root, false, null);
        assertEquals("CAdES-BASELINE-T TOTAL_PASSED", dss.level() + " " + dss.indication(), dss.toString());

        EPortalClient someoneElse = new EPortalClient(new MedsignClient(server.baseUrl(), DevTls.sslContext())
                .authorized(new MedsignClient(server.baseUrl(), DevTls.sslContext()).login("T0", "N0002", StaffSession.DEMO_PASSWORD).token()));
        assertEquals("MS-5017", assertThrows(MedsignApiException.class, () -> someoneElse.verification(signatureId)).code());
        assertEquals("MS-5017", assertThrows(MedsignApiException.class, () -> someoneElse.storedCms(signatureId)).code());

        String serial = nurse.chain()[0].getSerialNumber().toString(16);
        try (Browser browser = new Browser(server)) {
            browser.logIn("IT0001", StaffSession.DEMO_PASSWORD);
            browser.open("portal/it/staff.xhtml");
            browser.await(By.id("search:query")).sendKeys("N0003");
            browser.driver().findElement(By.id("search:go")).click();
            // the search re-renders the list by ajax: wait for the filtered one, whose only row is N0003
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).until(d -> {
                String rows = d.findElement(By.id("search:staff")).getText();
                return rows.contains("N0003") && !rows.contains("N0001");
            });
            browser.await(By.linkText("明細")).click();
            browser.awaitPath("it/person.xhtml");
            assertEquals("黃OO", browser.await(By.id("person:name")).getText());
            assertFalse(browser.driver().getPageSource().contains("黃淑芬") || browser.driver().getPageSource().contains("F212345678"),
                    "name and national ID are masked");
            browser.awaitText(By.id("person:certificates"), serial);
            assertTrue(browser.await(By.id("person:devices")).getText().contains("驗證報告手機"));

            row(browser, "person:signatures", String.valueOf(signatureId)).findElement(By.cssSelector("button[id$=':verify']")).click();
            browser.awaitText(By.id("person:indication"), "TOTAL-PASSED");
            browser.screenshot("it-person-verification");
            browser.driver().findElement(By.cssSelector("[id='person:reportDialog'] .ui-dialog-titlebar-close")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("person:reportDialog")));
            // as of a day past the TSA certificate's end: a CAdES-T with nothing newer over its timestamp proves nothing then
            // typed while the dialog's mask is still closing, the date can be lost: typed again until it is in the field
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).pollingEvery(Duration.ofSeconds(1))
                    .ignoring(StaleElementReferenceException.class).until(d -> {
                        var asOf = d.findElement(By.id("person:asOf_input"));
                        if (!"2045-01-01".equals(asOf.getAttribute("value"))) {
                            asOf.clear();
                            asOf.sendKeys("2045-01-01", org.openqa.selenium.Keys.ESCAPE);
                        }
                        return "2045-01-01".equals(asOf.getAttribute("value"));
                    });
            row(browser, "person:signatures", String.valueOf(signatureId)).findElement(By.cssSelector("button[id$=':verify']")).click();
            browser.awaitText(By.id("person:indication"), "INDETERMINATE");
            browser.awaitText(By.id("person:reportAsOf"), "2045");
            browser.awaitText(By.id("person:checks"), "LONG_TERM_EVIDENCE UNKNOWN");
            browser.driver().findElement(By.cssSelector("[id='person:reportDialog'] .ui-dialog-titlebar-close")).click();
            browser.driver().findElement(By.id("person:asOf_input")).clear();

            row(browser, "person:certificates", serial).findElement(By.cssSelector("button[id$=':revoke']")).click();
            browser.await(By.id("person:confirmRevoke"));
            // the reason's list opens and closes with an animation: a click during it can be lost, and 確定 clicked
            // while the list is still open hits the list; so open it and pick until the reason shows and the list is gone
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).pollingEvery(Duration.ofMillis(700))
                    .ignoring(StaleElementReferenceException.class)
                    .ignoring(org.openqa.selenium.ElementNotInteractableException.class).until(d -> {
                        boolean open = d.findElements(By.id("person:reason_panel")).stream().anyMatch(e -> e.isDisplayed());
                        if (!open && d.findElement(By.id("person:reason_label")).getText().contains("KEY_COMPROMISE")) {
                            return true;
                        }
                        if (open) {
                            d.findElement(By.cssSelector("li[data-label='KEY_COMPROMISE']")).click();
                        } else {
                            d.findElement(By.id("person:reason")).click();
                        }
                        return false;
                    });
            browser.driver().findElement(By.id("person:confirmRevoke")).click();
            browser.awaitText(By.id("person:certificates"), "已註銷");
        }
        JsonNode afterRevocation = eportal.verification(signatureId);
        assertEquals("TOTAL_PASSED", afterRevocation.path("indication").asText(), "revoked after the timestamp: still valid");
        assertTrue(check(afterRevocation, "REVOCATION").path("detail").asText().contains("after the timestamp"));

        try (Connection c = server.his().connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE his_record SET content = content || '（事後竄改）' WHERE id = ?")) {
            ps.setLong(1, recordId);
            assertEquals(1, ps.executeUpdate());
        }
        JsonNode tampered = eportal.verification(signatureId);
        assertEquals("TOTAL_FAILED", tampered.path("indication").asText(), tampered.toString());
        assertEquals("FAILED", check(tampered, "CONTENT_DIGEST").path("outcome").asText());
        assertEquals("PASSED", check(tampered, "SIGNATURE_VALUE").path("outcome").asText());
    }

    private static long signatureOf(EPortalClient eportal, long recordId) {
        for (JsonNode s : eportal.signatures()) {
            if (s.path("recordId").asLong() == recordId) {
                return s.path("id").asLong();
            }
        }
        throw new AssertionError("no stored signature of record " + recordId);
    }

    private static List<String> names(JsonNode report) {
        List<String> names = new ArrayList<>();
        report.path("checks").forEach(c -> names.add(c.path("name").asText()));
        return names;
    }

    private static JsonNode check(JsonNode report, String name) {
        for (JsonNode c : report.path("checks")) {
            if (c.path("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no " + name + " in " + report);
    }

    private static WebElement row(Browser browser, String table, String text) {
        return browser.await(By.id(table)).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + text + " in " + table));
    }
}
