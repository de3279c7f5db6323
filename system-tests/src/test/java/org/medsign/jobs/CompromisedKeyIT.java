package org.medsign.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.SubIndication;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.signing.Dss;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A stolen phone reported late: IT revokes its certificate for key compromise since the theft (人員明細, 金鑰外洩起始時間).
 * The CRL and OCSP date the revocation back to the theft; of two records the nurse's key signed, the one signed
 * before the theft stays TOTAL_PASSED (medsign's report, and EU DSS seven years on with no network, from the evidence
 * the long-term job added) and the one signed after it fails: TOTAL_FAILED in medsign's report, and for EU DSS seven
 * years on INDETERMINATE/REVOKED_NO_POE, EN 319 102-1's verdict on a signature with no proof that it existed before
 * its certificate's revocation.
 */
@SystemTest
class CompromisedKeyIT {

    private static final ZoneId TAIPEI = ZoneId.of("Asia/Taipei");
    private static final DateTimeFormatter PICKER = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    @Test
    void signaturesMadeAfterTheKeyWasStolenFailForTheWholeRetentionPeriod(MedsignServer server) throws Exception {
        assumeTrue(server.his().postgres() && server.database().postgres(), "the test writes HIS records by SQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0003", "被竊手機");
        nurse.bindEPortal("10.20.30.48");
        long before = HisRecords.add(server, "N0003", 2);
        long after = before + 1;
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        byte[] beforeContent = canonical(eportal, before);
        byte[] afterContent = canonical(eportal, after);
        eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(before), null);
        // the theft: a whole second after the first signature's timestamp, a whole second before the second's
        Instant stolen = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(2);
        Thread.sleep(Math.max(0, Instant.now().until(stolen.plusSeconds(1), ChronoUnit.MILLIS)));
        eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(after), null);
        long good = LongTermEvidenceIT.signatureOf(eportal, before);
        long forged = LongTermEvidenceIT.signatureOf(eportal, after);
        String serial = nurse.chain()[0].getSerialNumber().toString(16);

        try (Browser browser = new Browser(server)) {
            browser.logIn("IT0001", StaffSession.DEMO_PASSWORD);
            browser.open("portal/it/person.xhtml?employee=N0003");
            browser.awaitText(By.id("person:certificates"), serial);
            revoke(browser, serial, LocalDateTime.now(TAIPEI).plusDays(1), null);
            browser.awaitText(By.id("messages"), "MS-4015");
            assertFalse(row(browser, serial).getText().contains("已註銷"), "a compromise time in the future is refused");
            revoke(browser, serial, LocalDateTime.ofInstant(stolen, TAIPEI), "it-key-compromise");
            browser.awaitText(By.id("person:certificates"), "已註銷");
        }

        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
                DevTls.httpClient().send(HttpRequest.newBuilder(server.plainHttpUrl("pki/mobile/ca.crl")).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body()));
        X509CRLEntry entry = crl.getRevokedCertificate(nurse.chain()[0].getSerialNumber());
        assertNotNull(entry, "the CRL lists the stolen phone's certificate");
        assertEquals(Date.from(stolen), entry.getRevocationDate(), "revoked as of the theft");
        assertNotNull(entry.getExtensionValue("2.5.29.24"), "with the theft as its invalidity date (RFC 5280 5.3.2)");

        LongTermEvidenceIT.awaitGrace(server, forged);
        LongTermChecks.runJob(new BatchPage(server));
        assertEquals(List.of("LTA", "LTA"), LongTermEvidenceIT.levels(server, good, forged),
                "both keep their evidence, the revocation included");

        JsonNode kept = eportal.verification(good);
        assertEquals("TOTAL_PASSED", kept.path("indication").asText(), kept.toString());
        JsonNode voided = eportal.verification(forged);
        assertEquals("TOTAL_FAILED", voided.path("indication").asText(), voided.toString());
        assertTrue(voided.toString().contains("before the timestamp"), voided.toString());

        byte[] root = LongTermChecks.root(server);
        LongTermChecks.passesForTheRetentionPeriod(eportal.storedCms(good), null, beforeContent, root, 1);
        Dss.Outcome later = Dss.validate(eportal.storedCms(forged), afterContent, root, true,
                LongTermChecks.SEVEN_YEARS_ON);
        // EN 319 102-1's past signature validation: no proof the signature existed before the revocation, never PASSED
        assertEquals(Indication.INDETERMINATE + "/" + SubIndication.REVOKED_NO_POE,
                later.indication() + "/" + later.subIndication(), "seven years on, offline: " + later);
        assertTrue(later.errors().contains("The revocation time is not after best-signature-time!"), later.toString());
    }

    private static void revoke(Browser browser, String serial, LocalDateTime compromisedSince, String screenshot) {
        row(browser, serial).findElement(By.cssSelector("button[id$=':revoke']")).click();
        browser.await(By.id("person:confirmRevoke"));
        browser.driver().findElement(By.id("person:reason")).click();
        browser.await(By.cssSelector("li[data-label='KEY_COMPROMISE']")).click();
        WebElement since = browser.await(By.id("person:compromisedSince_input"));
        since.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        since.sendKeys(PICKER.format(compromisedSince), Keys.ESCAPE);
        if (screenshot != null) {
            browser.screenshot(screenshot);
        }
        browser.driver().findElement(By.id("person:confirmRevoke")).click();
    }

    private static WebElement row(Browser browser, String text) {
        return browser.await(By.id("person:certificates")).findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().contains(text)).findFirst().orElseThrow();
    }

    private static byte[] canonical(EPortalClient eportal, long record) {
        return Base64.getDecoder().decode(eportal.record(record).path("canonical").asText());
    }
}
