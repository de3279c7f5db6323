package org.medsign.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.tsp.TimeStampToken;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignApiException;
import org.medsign.mobile.MedsignClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 機構代簽: the signing-deadline job signs an overdue record with the institution certificate (the hospital turned it on
 * for the tests), openssl accepts that signature with the published chain, a record changed since it was listed is
 * left alone, the author still signs the same version afterwards (補簽), and only IT and auditors read the evidence.
 */
@SystemTest
class InstitutionSigningIT {

    private static final Duration RUN = Duration.ofMinutes(3);

    @Test
    void anOverdueRecordIsSignedByTheInstitutionAndStillByItsAuthor(MedsignServer server, @TempDir Path dir) throws Exception {
        assumeTrue(server.his().postgres() && server.database().postgres(), "the test writes to the HIS and reads by SQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0003", "機構代簽手機");
        nurse.bindEPortal("10.20.30.44");
        long overdue = HisRecords.add(server, "N0003", 2, 30);
        long changed = overdue + 1;
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        byte[] canonical = Base64.getDecoder().decode(eportal.record(overdue).path("canonical").asText());
        changeInHis(server, changed);

        BatchPage batch = new BatchPage(server);
        batch.awaitIdle();
        BatchPage.Run before = batch.last("signing-deadline");
        batch.press("startDeadline");
        BatchPage.Run run = batch.awaitEnd("signing-deadline", before == null ? 0 : before.executionId(), RUN);
        assertEquals("COMPLETED", run.status());

        MedsignClient it = app(server, "IT0001");
        JsonNode evidence = it.getJson("api/v1/institution-signatures/" + overdue);
        assertEquals(1, evidence.path("version").asInt());
        assertEquals("N0003", evidence.path("author").asText());
        assertArrayEquals(canonical, Base64.getDecoder().decode(evidence.path("canonical").asText()));
        byte[] cms = Base64.getDecoder().decode(evidence.path("cms").asText());
        assertCadesTByTheInstitution(cms);

        Files.write(dir.resolve("record.bin"), canonical);
        Files.write(dir.resolve("institution.der"), cms);
        Files.writeString(dir.resolve("chain.pem"), publishedChain(server));
        Tools.Result openssl = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                dir.resolve("institution.der").toString(), "-content", dir.resolve("record.bin").toString(), "-CAfile",
                dir.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(openssl.all().contains("Verification successful"), openssl.all());
        Files.write(dir.resolve("record.bin"), (new String(canonical, UTF_8) + "竄改")
                .getBytes(UTF_8));
        assertTrue(Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                dir.resolve("institution.der").toString(), "-content", dir.resolve("record.bin").toString(), "-CAfile",
                dir.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null").all()
                .contains("Verification failure"), "openssl refuses other content");

        assertEquals("MS-5018", assertThrows(MedsignApiException.class,
                () -> it.getJson("api/v1/institution-signatures/" + changed)).code(), "a record changed since listing");
        assertEquals("MS-1006", assertThrows(MedsignApiException.class,
                () -> app(server, "N0003").getJson("api/v1/institution-signatures/" + overdue)).code(), "staff may not read it");
        assertEquals(overdue, app(server, "AU0001").getJson("api/v1/institution-signatures/" + overdue)
                .path("recordId").asLong(), "auditors may");

        String home = StaffSession.logIn(server, "N0003").client().open("portal/home.xhtml").document()
                .select("[id$=institutionSigned]").text();
        assertTrue(home.contains("醫事機構憑證代簽") && home.contains("補簽"), home);
        Element row = batch.client().open("portal/it/deadlines.xhtml").document()
                .select("[id$=byPerson] tbody tr:has(td:matchesOwn(^N0003$))").first();
        assertNotNull(row, "N0003 is on IT's 簽章時限 list");
        assertTrue(Integer.parseInt(row.select("[id$=institutionSigned]").text()) >= 1, row.text());

        JsonNode late = eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(overdue), "急診交班延誤");
        assertEquals(1, late.path("result").path("signed").asInt(), late.toString());
        assertEquals(1, batch.scalar("SELECT COUNT(*) FROM institution_signature WHERE his_record_id = " + overdue));
        batch.press("startDeadline");
        assertEquals("COMPLETED", batch.awaitEnd("signing-deadline", run.executionId(), RUN).status());
        assertEquals(1, batch.scalar("SELECT COUNT(*) FROM institution_signature WHERE his_record_id = " + overdue),
                "a version is signed by the institution once");
    }

    private static void assertCadesTByTheInstitution(byte[] der) throws Exception {
        CMSSignedData cms = new CMSSignedData(der);
        assertNull(cms.getSignedContent(), "detached");
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        AttributeTable signed = signer.getSignedAttributes();
        assertNotNull(signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2), "signingCertificateV2");
        assertNotNull(signed.get(PKCSObjectIdentifiers.pkcs_9_at_signingTime), "signingTime");
        TimeStampToken token = new TimeStampToken(new CMSSignedData(signer.getUnsignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken).getAttrValues().getObjectAt(0)
                .toASN1Primitive().getEncoded()));
        assertArrayEquals(MessageDigest.getInstance("SHA-256").digest(signer.getSignature()),
                token.getTimeStampInfo().getMessageImprintDigest(), "the token covers the signature value (CAdES-T)");
        String subject = ((X509CertificateHolder) cms.getCertificates()
                .getMatches(signer.getSID()).iterator().next()).getSubject().toString();
        assertTrue(subject.contains("CN=medsign Demo Hospital"), subject);
    }

    private static void changeInHis(MedsignServer server, long recordId) throws Exception {
        try (Connection c = server.his().connect(); PreparedStatement ps = c.prepareStatement("UPDATE his_record"
                + " SET version = version + 1, content = content || ' 補充說明。', modified_at = now(), changed_at = now()"
                + " WHERE id = ?")) {
            ps.setLong(1, recordId);
            assertEquals(1, ps.executeUpdate());
        }
    }

    static MedsignClient app(MedsignServer server, String account) {
        return new MedsignClient(server.baseUrl(), DevTls.sslContext()).authorized(new MedsignClient(server.baseUrl(), DevTls.sslContext())
                .login("T0", account, StaffSession.DEMO_PASSWORD).token());
    }

    static String publishedChain(MedsignServer server) throws Exception {
        return DevTls.httpClient().send(HttpRequest.newBuilder(server.url("pki/mobile/chain.pem")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
