package org.medsign.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.card.DevHca;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;
import org.openqa.selenium.By;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CA as tools no one here wrote see it: a key and CSR made by openssl are enrolled through the mobile-client,
 * and openssl verifies the certificate against the published chain and CRL and asks the OCSP responder —
 * good before, revoked after IT revokes it in the portal.
 */
@SystemTest
class PkiInteropIT {

    private static Path fetch(MedsignServer server, String path, Path target) throws Exception {
        HttpResponse<Path> response = DevTls.httpClient().send(HttpRequest.newBuilder(server.url(path)).build(),
                HttpResponse.BodyHandlers.ofFile(target));
        assertEquals(200, response.statusCode(), path);
        return target;
    }

    private static String verify(MedsignServer server, Path dir) throws Exception {
        fetch(server, "pki/mobile/ca.crl", dir.resolve("ca.crl"));
        Tools.run("openssl", "crl", "-inform", "DER", "-in", dir.resolve("ca.crl").toString(), "-out", dir.resolve("crl.pem").toString());
        return Tools.runResult("openssl", "verify", "-crl_check", "-CAfile", dir.resolve("root.pem").toString(),
                "-untrusted", dir.resolve("issuing.pem").toString(), "-CRLfile", dir.resolve("crl.pem").toString(),
                dir.resolve("cert.pem").toString()).all();
    }

    private static String ocsp(MedsignServer server, Path dir) {
        return Tools.runResult("openssl", "ocsp", "-issuer", dir.resolve("issuing.pem").toString(), "-cert",
                dir.resolve("cert.pem").toString(), "-url", server.plainHttpUrl("pki/mobile/ocsp").toString(), "-CAfile",
                dir.resolve("root.pem").toString(), "-verify_other", dir.resolve("issuing.pem").toString()).all();
    }

    @Test
    void opensslVerifiesIssuanceAndSeesTheRevocation(MedsignServer server, @TempDir Path dir) throws Exception {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        Phone phone = Phone.bindAndLogIn(server, nurse, "N0001", "openssl手機");
        Enrolments.Ticket ticket = Enrolments.apply(nurse, "openssl手機", new DevHca(server).card("N0001.p12"));
        Tools.run("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("csr.pem").toString(), "-subj", "/CN=N0001");
        String out = Tools.mobileCli(server, "enrol", "--home", phone.home.toString(), "--uri", ticket.uri(), "--code",
                ticket.code(), "--pin", "482916", "--store-password", "phone-store-pw",
                "--key", dir.resolve("key.pem").toString(), "--csr", dir.resolve("csr.pem").toString(), "--json");
        String serial = out.replaceAll("(?s).*\"serial\":\"([0-9a-f]+)\".*", "$1");

        String chain = phone.api.getJson("api/v1/certificates").toString();
        assertTrue(chain.contains(serial), chain);
        String pem = DevTls.httpClient().send(HttpRequest.newBuilder(server.url("api/v1/certificates/" + serial + "/chain"))
                .header("Authorization", "Bearer " + phone.session.token()).build(), HttpResponse.BodyHandlers.ofString()).body();
        Files.writeString(dir.resolve("cert.pem"), pem.substring(0, pem.indexOf("-----END CERTIFICATE-----") + 25) + "\n");
        fetch(server, "pki/mobile/ca.crt", dir.resolve("issuing.der"));
        Tools.run("openssl", "x509", "-inform", "DER", "-in", dir.resolve("issuing.der").toString(), "-out", dir.resolve("issuing.pem").toString());
        fetch(server, "pki/mobile/root.crt", dir.resolve("root.der"));
        Tools.run("openssl", "x509", "-inform", "DER", "-in", dir.resolve("root.der").toString(), "-out", dir.resolve("root.pem").toString());
        String text = Tools.run("openssl", "x509", "-in", dir.resolve("cert.pem").toString(), "-noout", "-text");
        assertTrue(text.contains("Digital Signature, Non Repudiation"), text);
        // Relying parties fetch revocation over plain HTTP (RFC 5280, RFC 6960), while the API itself is HTTPS only.
        String pki = "http://localhost:" + MedsignServer.HTTP_PORT + "/medsign/pki/mobile/";
        assertTrue(text.contains("URI:" + pki + "ca.crl") && text.contains("OCSP - URI:" + pki + "ocsp"), text);

        assertTrue(verify(server, dir).contains("cert.pem: OK"), "openssl verify before revocation");
        String good = ocsp(server, dir);
        assertTrue(good.contains("Response verify OK") && good.contains("cert.pem: good"), good);

        try (Browser browser = new Browser(server)) {
            browser.logIn("IT0001", StaffSession.DEMO_PASSWORD);
            browser.await(By.linkText("憑證管理")).click();
            browser.await(By.id("itcerts:query")).sendKeys(serial);
            browser.driver().findElement(By.id("itcerts:go")).click();
            browser.awaitText(By.id("itcerts:table"), serial);
            browser.driver().findElement(By.id("itcerts:table:0:revoke")).click();
            browser.await(By.id("itcerts:confirmRevoke")).click();
            browser.awaitText(By.id("itcerts:table"), "已註銷");
        }
        String revoked = ocsp(server, dir);
        assertTrue(revoked.contains("cert.pem: revoked"), revoked);
        String afterRevocation = verify(server, dir);
        assertTrue(afterRevocation.contains("certificate revoked"), afterRevocation);
        assertTrue(Tools.mobileCli(server, "status", "--home", phone.home.toString()).startsWith("已註銷"));
    }

    @Test
    void theOcspResponderAnswersGarbageWithMalformedRequest(MedsignServer server) throws Exception {
        HttpResponse<byte[]> response = DevTls.httpClient().send(HttpRequest.newBuilder(server.url("pki/mobile/ocsp"))
                .header("Content-Type", "application/ocsp-request").POST(HttpRequest.BodyPublishers.ofString("garbage")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/ocsp-response", response.headers().firstValue("Content-Type").orElse(""));
        assertEquals(1, new org.bouncycastle.cert.ocsp.OCSPResp(response.body()).getStatus(), "malformedRequest");
    }
}
