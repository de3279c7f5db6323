package org.medsign.credential;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.medsign.dev.rootca.OfflineRoot;
import org.medsign.jobs.BatchPage;
import org.medsign.jobs.LongTermChecks;
import org.medsign.jobs.LongTermEvidenceIT;
import org.medsign.mobile.EPortalClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;

import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPairGenerator;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issuing CA rollover, scripted over JMX as IT would: medsign makes a new CA key and hands out its PKCS#10 request;
 * the hospital's offline root (the development root's custodian, {@link OfflineRoot}) certifies it and signs a new
 * root CRL; IT imports both. Imports that are not the root's certificate for the pending key are refused with their
 * codes first. A nurse who signed before the rollover and one certified after it (by the new generation) both reach
 * CAdES-BASELINE-LTA, TOTAL_PASSED for medsign's report and for EU DSS today and seven years on, offline. The retired
 * key still signs its generation's CRL at the address its certificates name; revoking one of its certificates shows
 * there and over OCSP, answered by the old generation's responder, while the new CRL stays empty of it. 憑證管理
 * shows the new generation and refuses an import with no rollover under way (MS-4016). Last, the old generation's
 * key is compromised and the root revokes its CA: the signature made before still passes seven years on.
 */
// last of all on the shared server: after it, new certificates come from the new CA (junit-platform.properties)
@Order(Integer.MAX_VALUE)
@SystemTest
class CaRolloverIT {

    private static final ObjectName CERTIFICATES = MedsignJmx.area("Certificates");

    @Test
    void theIssuingCaRollsOverAndBothGenerationsKeepValidating(MedsignServer server) throws Exception {
        assumeTrue(server.his().postgres() && server.database().postgres(), "the test writes HIS records by SQL");
        CredentialFixture.Signer before = CredentialFixture.downloadedSigner(server, "N0003", "換CA前手機");
        before.bindEPortal("10.20.30.61");
        long beforeRecord = HisRecords.add(server, "N0003", 1);
        EPortalClient beforePortal = before.eportal();
        beforePortal.refresh();
        byte[] beforeContent = canonical(beforePortal, beforeRecord);
        beforePortal.signPending(before.deviceId(), before.cms(), List.of(beforeRecord), null);
        X509Certificate firstCa = before.chain()[1];
        int generation = (Integer) MedsignJmx.attribute(CERTIFICATES, "CaGeneration");

        String request = (String) invoke("requestCaRollover");
        assertTrue(request.startsWith("-----BEGIN CERTIFICATE REQUEST-----"), request);
        assertEquals(Boolean.TRUE, MedsignJmx.attribute(CERTIFICATES, "CaRolloverPending"));
        assertEquals(requestedKey(request), requestedKey((String) invoke("requestCaRollover")),
                "asked again: a request for the same pending key");
        OfflineRoot root = OfflineRoot.open(MedsignServer.offlineRoot());
        URI pki = URI.create("http://localhost:" + MedsignServer.HTTP_PORT + "/medsign");
        Duration tenYears = Duration.ofDays(3650);

        assertRefused("MS-4017", "not a certificate");
        assertRefused("MS-4018", root.certify(strangerRequest(), pki, tenYears, Map.of()));
        assertRefused("MS-4021", root.certify(request, pki, Duration.ofDays(365), Map.of()));
        assertEquals(generation, MedsignJmx.attribute(CERTIFICATES, "CaGeneration"), "nothing changed on a refusal");

        String oldTsa = (String) MedsignJmx.attribute(CERTIFICATES, "TsaCertificateSerial");
        assertEquals(generation + 1, invoke("importCaCertificate", root.certify(request, pki, tenYears, Map.of())));
        assertEquals(generation + 1, MedsignJmx.attribute(CERTIFICATES, "CaGeneration"));
        assertEquals(Boolean.FALSE, MedsignJmx.attribute(CERTIFICATES, "CaRolloverPending"));
        assertNotEquals(oldTsa, MedsignJmx.attribute(CERTIFICATES, "TsaCertificateSerial"), "the TSA moved to the new CA");
        assertRefused("MS-4016", root.certify(request, pki, tenYears, Map.of()));

        CredentialFixture.Signer after = CredentialFixture.downloadedSigner(server, "N0001", "換CA後手機");
        X509Certificate newCa = after.chain()[1];
        assertNotEquals(firstCa, newCa, "issued by the new generation");
        assertTrue(newCa.getSubjectX500Principal().getName().contains("G" + (generation + 1)), newCa.toString());
        after.chain()[0].verify(newCa.getPublicKey());
        newCa.verify(root.certificate().getPublicKey());
        assertEquals(generation, caGeneration(server, before.chain()[0]), "the registry records each one's CA");
        assertEquals(generation + 1, caGeneration(server, after.chain()[0]));

        after.bindEPortal("10.20.30.62");
        long afterRecord = HisRecords.add(server, "N0001", 1);
        EPortalClient afterPortal = after.eportal();
        afterPortal.refresh();
        byte[] afterContent = canonical(afterPortal, afterRecord);
        afterPortal.signPending(after.deviceId(), after.cms(), List.of(afterRecord), null);
        long beforeSignature = LongTermEvidenceIT.signatureOf(beforePortal, beforeRecord);
        long afterSignature = LongTermEvidenceIT.signatureOf(afterPortal, afterRecord);
        LongTermEvidenceIT.awaitGrace(server, afterSignature);
        LongTermChecks.runJob(new BatchPage(server));
        assertEquals(List.of("LTA", "LTA"), LongTermEvidenceIT.levels(server, beforeSignature, afterSignature));

        byte[] rootDer = LongTermChecks.root(server);
        LongTermChecks.passesForTheRetentionPeriod(beforePortal.storedCms(beforeSignature), null, beforeContent, rootDer, 1);
        LongTermChecks.passesForTheRetentionPeriod(afterPortal.storedCms(afterSignature), null, afterContent, rootDer, 1);
        for (JsonNode report : List.of(beforePortal.verification(beforeSignature), afterPortal.verification(afterSignature))) {
            assertEquals("TOTAL_PASSED", report.path("indication").asText(), "medsign's own report: " + report);
        }

        BigInteger oldSerial = before.chain()[0].getSerialNumber();
        assertNull(crl(server, "ca.crl", firstCa).getRevokedCertificate(oldSerial));
        try (Browser browser = new Browser(server)) {
            browser.logIn("IT0001", StaffSession.DEMO_PASSWORD);
            browser.open("portal/it/certificates.xhtml");
            browser.awaitText(By.id("ca:generation"), "G" + (generation + 1));
            browser.await(By.id("ca:reply")).sendKeys("-----BEGIN CERTIFICATE-----");
            browser.await(By.id("ca:import")).click();
            browser.await(By.id("ca:confirmImport")).click();
            browser.awaitText(By.id("messages"), "MS-4016");
            browser.screenshot("it-ca-rollover");
            browser.await(By.id("ca:importCrl")).click();
            browser.await(By.id("ca:confirmCrl")).click();
            browser.awaitText(By.id("messages"), "MS-4023"); // a certificate is not a root CRL
            browser.open("portal/it/person.xhtml?employee=N0003");
            String serial = oldSerial.toString(16);
            browser.awaitText(By.id("person:certificates"), serial);
            browser.await(By.id("person:certificates")).findElements(By.cssSelector("tbody tr")).stream()
                    .filter(r -> r.getText().contains(serial)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("button[id$=':revoke']")).click();
            browser.await(By.id("person:confirmRevoke")).click();
            browser.awaitText(By.id("person:certificates"), "已註銷");
        }
        X509CRL oldCrl = crl(server, "ca.crl", firstCa);
        assertNotNull(oldCrl.getRevokedCertificate(oldSerial), "the retired key's CRL lists its revoked certificate");
        X509CRL newCrl = crl(server, "ca-" + (generation + 1) + ".crl", newCa);
        assertNull(newCrl.getRevokedCertificate(oldSerial), "the new generation's CRL lists only its own");

        BasicOCSPResp old = ocsp(server, firstCa, oldSerial);
        assertInstanceOf(RevokedStatus.class, old.getResponses()[0].getCertStatus(), "OCSP for the old generation");
        assertResponderOf(old, firstCa);
        BasicOCSPResp current = ocsp(server, newCa, after.chain()[0].getSerialNumber());
        assertNull(current.getResponses()[0].getCertStatus(), "good");
        assertResponderOf(current, newCa);

        theRootRevokesTheOldCaAndEarlierSignaturesStillPass(server, root, firstCa, newCa, generation,
                beforePortal.storedCms(beforeSignature).length, () -> beforePortal.storedCms(beforeSignature), beforeContent);
    }

    /**
     * The retired generation's key is compromised after the signature's archive timestamp: the root revokes that CA
     * (a CRL IT imports; one revoking the current CA, or not newer, is refused). medsign revokes the old CA's live
     * certificates, and the long-term job gives every signature archived before a new archive timestamp carrying the
     * root's CRL. Seven years on, offline, DSS sees the CA revoked after the signature's proof of existence and
     * still says TOTAL_PASSED.
     */
    private static void theRootRevokesTheOldCaAndEarlierSignaturesStillPass(MedsignServer server, OfflineRoot root,
            X509Certificate firstCa, X509Certificate newCa, int generation, int sizeBefore,
            java.util.concurrent.Callable<byte[]> stored, byte[] content) throws Exception {
        java.time.Instant now = java.time.Instant.now();
        Duration year = Duration.ofDays(365);
        assertRefused("importRootCrl", "MS-4025", pem(root.crl(now, now.plus(year), Map.of(newCa.getSerialNumber(), now))));
        assertRefused("importRootCrl", "MS-4023", "not a CRL");
        String revoking = pem(root.crl(now.plusSeconds(1), now.plus(year), Map.of(firstCa.getSerialNumber(), now)));
        assertEquals("revokes CA generation [" + generation + "]", invoke("importRootCrl", revoking));
        assertRefused("importRootCrl", "MS-4024", revoking);
        assertEquals(0, liveCertificatesOf(server, generation), "the compromised CA's certificates are revoked");

        LongTermChecks.runJob(new BatchPage(server));
        byte[] renewed = stored.call();
        assertTrue(renewed.length > sizeBefore, "renewed");
        byte[] rootDer = LongTermChecks.root(server);
        LongTermChecks.passesForTheRetentionPeriod(renewed, null, content, rootDer, 2);
        var diagnostic = org.medsign.signing.Dss.validate(renewed, content, rootDer, true, LongTermChecks.SEVEN_YEARS_ON)
                .reports().getDiagnosticData();
        java.util.Date firstArchive = diagnostic.getTimestampList().stream()
                .filter(t -> t.getType() == eu.europa.esig.dss.enumerations.TimestampType.ARCHIVE_TIMESTAMP)
                .map(t -> t.getProductionTime()).min(java.util.Comparator.naturalOrder()).orElseThrow();
        var oldCa = diagnostic.getUsedCertificates().stream()
                .filter(c -> c.getSerialNumber().equals(firstCa.getSerialNumber().toString())
                        || c.getSerialNumber().equalsIgnoreCase(firstCa.getSerialNumber().toString(16)))
                .findFirst().orElseThrow(() -> new AssertionError("DSS does not list the old CA"));
        assertTrue(oldCa.getCertificateRevocationData().stream()
                        .anyMatch(r -> r.isRevoked() && r.getRevocationDate().after(firstArchive)),
                "DSS found the old CA revoked after the first archive timestamp (" + firstArchive + ")");
    }

    private static long liveCertificatesOf(MedsignServer server, int generation) throws Exception {
        try (Connection c = server.database().connect();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM certificate WHERE ca_generation = ?"
                     + " AND status IN ('ISSUED', 'DOWNLOADED')")) {
            ps.setInt(1, generation);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String pem(Object object) throws Exception {
        StringWriter out = new StringWriter();
        try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
            writer.writeObject(object);
        }
        return out.toString();
    }

    private static Object invoke(String operation, String... arguments) throws Exception {
        try (JMXConnector jmx = MedsignJmx.connect()) {
            String[] types = new String[arguments.length];
            java.util.Arrays.fill(types, String.class.getName());
            return jmx.getMBeanServerConnection().invoke(CERTIFICATES, operation, arguments, types);
        }
    }

    /** The import is refused with {@code code}, in the message of the exception JMX passes on. */
    private static void assertRefused(String code, String upload) {
        assertRefused("importCaCertificate", code, upload);
    }

    private static void assertRefused(String operation, String code, String upload) {
        Exception refused = assertThrows(Exception.class, () -> invoke(operation, upload));
        StringBuilder messages = new StringBuilder();
        for (Throwable t = refused; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append(" / ");
        }
        assertTrue(messages.toString().contains(code), code + " expected: " + messages);
    }

    private static org.bouncycastle.asn1.x509.SubjectPublicKeyInfo requestedKey(String pem) throws Exception {
        try (var parser = new org.bouncycastle.openssl.PEMParser(new java.io.StringReader(pem))) {
            return ((org.bouncycastle.pkcs.PKCS10CertificationRequest) parser.readObject()).getSubjectPublicKeyInfo();
        }
    }

    /** A well-formed request for a key medsign never made. */
    private static String strangerRequest() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var request = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=stranger CA"), pair.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
        StringWriter out = new StringWriter();
        try (var writer = new org.bouncycastle.openssl.jcajce.JcaPEMWriter(out)) {
            writer.writeObject(request);
        }
        return out.toString();
    }

    private static int caGeneration(MedsignServer server, X509Certificate certificate) throws Exception {
        try (Connection c = server.database().connect();
             PreparedStatement ps = c.prepareStatement("SELECT ca_generation FROM certificate WHERE serial = ?")) {
            ps.setString(1, certificate.getSerialNumber().toString(16));
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return rs.getInt(1);
            }
        }
    }

    /** The CRL at {@code name} under /pki/mobile, which must verify with {@code issuer}'s key. */
    private static X509CRL crl(MedsignServer server, String name, X509Certificate issuer) throws Exception {
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
                DevTls.httpClient().send(HttpRequest.newBuilder(server.plainHttpUrl("pki/mobile/" + name)).build(),
                        HttpResponse.BodyHandlers.ofByteArray()).body()));
        crl.verify(issuer.getPublicKey());
        assertEquals(issuer.getSubjectX500Principal(), crl.getIssuerX500Principal());
        return crl;
    }

    private static BasicOCSPResp ocsp(MedsignServer server, X509Certificate issuer, BigInteger serial) throws Exception {
        var digests = new JcaDigestCalculatorProviderBuilder().build();
        byte[] request = new OCSPReqBuilder().addRequest(new CertificateID(digests.get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial)).build().getEncoded();
        byte[] answer = DevTls.httpClient().send(HttpRequest.newBuilder(server.plainHttpUrl("pki/mobile/ocsp"))
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        OCSPResp response = new OCSPResp(answer);
        assertEquals(OCSPResp.SUCCESSFUL, response.getStatus());
        return (BasicOCSPResp) response.getResponseObject();
    }

    /** Signed by a responder certificate that {@code issuer} issued (RFC 6960's delegated responder). */
    private static void assertResponderOf(BasicOCSPResp answer, X509Certificate issuer) throws Exception {
        X509CertificateHolder responder = answer.getCerts()[0];
        assertTrue(responder.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey())),
                "the responder is " + issuer.getSubjectX500Principal().getName() + "'s");
        assertTrue(answer.isSignatureValid(new JcaContentVerifierProviderBuilder().build(responder)));
    }

    private static byte[] canonical(EPortalClient eportal, long record) {
        return Base64.getDecoder().decode(eportal.record(record).path("canonical").asText());
    }
}
