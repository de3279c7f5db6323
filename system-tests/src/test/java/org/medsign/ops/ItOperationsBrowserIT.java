package org.medsign.ops;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What IT does on the audit, batch and certificate pages, in Chromium: filter the audit log, verify and seal its
 * chain, run a job, roll the TSA's key over.
 */
@SystemTest
class ItOperationsBrowserIT {

    private Browser browser;

    @BeforeEach
    void logInAsIt(MedsignServer server) {
        browser = new Browser(server);
        browser.logIn("IT0001", StaffSession.DEMO_PASSWORD);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void itFiltersTheAuditLogAndVerifiesAndSealsTheChain(MedsignServer server) throws Exception {
        StaffSession.logIn(server, "N0002");

        browser.await(By.linkText("稽核紀錄")).click();
        browser.await(By.id("audit:actor")).sendKeys("N0002");
        browser.driver().findElement(By.id("audit:search")).click();
        String events = until(d -> {
            String text = d.findElement(By.id("audit:events")).getText();
            return text.contains("N0002") && !text.contains("IT0001") ? text : null;
        });
        // actions in the reader's language (zh-TW here), never the enum's name
        assertTrue(events.contains("帳號密碼登入"), events);
        assertFalse(events.contains("PORTAL_LOGIN"), events);

        browser.driver().findElement(By.id("audit:seal")).click();
        until(d -> d.findElement(By.id("audit:chainState")).getText());
        browser.driver().findElement(By.id("audit:verify")).click();
        String checked = until(d -> "稽核鏈完整".equals(d.findElement(By.id("audit:chainState")).getText())
                ? d.findElement(By.id("audit:chainDetail")).getText() : null);
        assertFalse(checked.isBlank(), "rows and checkpoints checked");
        browser.screenshot("it-audit");
    }

    @Test
    void itStartsAJobAndSeesHowItRan() {
        browser.await(By.linkText("批次作業")).click();
        browser.await(By.id("batch:startUpkeep")).click();
        String run = until(d -> {
            d.findElement(By.id("batch:refresh")).click();
            return d.findElements(By.cssSelector("[id='batch:runs'] tbody tr")).stream().map(WebElement::getText)
                    .filter(row -> row.contains("credential-upkeep") && row.contains("COMPLETED")).findFirst().orElse(null);
        });
        assertTrue(run.contains("credential-upkeep"), run);
        browser.screenshot("it-batch");
    }

    @Test
    void itRollsTheTsaKeyOverOnTheCertificatesPage(MedsignServer server) throws Exception {
        browser.open("portal/it/certificates.xhtml");
        String before = browser.await(By.id("tsa:serial")).getText();
        assertEquals(before, MedsignJmx.attribute(MedsignJmx.area("Certificates"), "TsaCertificateSerial"));
        browser.driver().findElement(By.id("tsa:roll")).click();
        browser.await(By.id("tsa:confirmRoll")).click();
        String after = until(d -> {
            String serial = d.findElement(By.id("tsa:serial")).getText();
            return serial.equals(before) ? null : serial;
        });
        assertEquals(after, MedsignJmx.attribute(MedsignJmx.area("Certificates"), "TsaCertificateSerial"),
                "new timestamps carry the new certificate");
        browser.screenshot("it-tsa-rollover");
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM audit_event WHERE action = 'TSA_KEY_ROLLED' AND actor = 'IT0001' AND subject = ?")) {
            ps.setString(1, "TSA " + after);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(1, rs.getInt(1), "audited with the new serial");
            }
        }
    }

    private String until(java.util.function.Function<org.openqa.selenium.WebDriver, String> condition) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(500))
                .ignoring(StaleElementReferenceException.class).ignoring(NoSuchElementException.class).until(condition);
    }
}
