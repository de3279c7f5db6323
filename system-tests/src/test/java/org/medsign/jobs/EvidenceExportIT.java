package org.medsign.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
import eu.europa.esig.dss.enumerations.ASiCContainerType;
import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.spi.DSSUtils;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import eu.europa.esig.dss.validation.reports.Reports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Evidence export: IT downloads a record version's ASiC-E container after the long-term job has run. EU DSS opens it
 * as an ASiC-E, finds medsign's time-stamp over the manifest intact and covering the record, the signature and the
 * report, and validates the signature inside, against the record inside, as CAdES-BASELINE-LTA TOTAL_PASSED seven
 * years on with no network; {@code openssl ts -verify} checks the token. A record changed inside the container breaks
 * DSS's verdict; a nurse may not export; a version the HIS no longer holds is refused with MS-5020.
 */
@SystemTest
class EvidenceExportIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void itExportsARecordVersionThatOutsideToolsVerify(MedsignServer server, @TempDir Path dir) throws Exception {
        assumeTrue(server.his().postgres() && server.database().postgres(), "the test writes to the HIS by SQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "證據匯出手機");
        nurse.bindEPortal("10.20.30.47");
        long record = HisRecords.add(server, "N0001", 1);
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        byte[] canonical = Base64.getDecoder().decode(eportal.record(record).path("canonical").asText());
        eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(record), null);
        long signature = LongTermEvidenceIT.signatureOf(eportal, record);
        LongTermEvidenceIT.awaitGrace(server, signature);
        LongTermChecks.runJob(new BatchPage(server));

        HttpResponse<byte[]> staff = export(server, signature, "N0001");
        assertEquals(403, staff.statusCode(), "a nurse exports nothing, not even her own");
        assertTrue(new String(staff.body()).contains("MS-"), new String(staff.body()));
        HttpResponse<byte[]> response = export(server, signature, "IT0001");
        assertEquals(200, response.statusCode(), new String(response.body()));
        assertEquals("application/vnd.etsi.asic-e+zip", response.headers().firstValue("Content-Type").orElse(""));
        String base = "record-" + record + "-v1";
        assertEquals("attachment; filename=\"" + base + ".asice\"",
                response.headers().firstValue("Content-Disposition").orElse(""));

        byte[] container = response.body();
        Map<String, byte[]> entries = entries(container);
        assertEquals(List.of("mimetype", base + ".bin", "signature-" + signature + ".p7s", "validation-report.json",
                "META-INF/ASiCManifest.xml", "META-INF/timestamp.tst"), new ArrayList<>(entries.keySet()));
        assertArrayEquals(canonical, entries.get(base + ".bin"), "the record's canonical bytes, as signed");
        byte[] lta = entries.get("signature-" + signature + ".p7s");
        assertArrayEquals(eportal.storedCms(signature), lta, "the stored signature, as kept");
        JsonNode report = JSON.readTree(entries.get("validation-report.json"));
        assertEquals("TOTAL_PASSED", report.path("indication").asText(), report.toString());
        assertEquals(signature, report.path("signatureId").asLong());

        byte[] root = LongTermChecks.root(server);
        Reports dss = validateContainer(container, root);
        TimestampWrapper token = containerTimestamp(dss.getDiagnosticData());
        assertTrue(token.isMessageImprintDataFound() && token.isMessageImprintDataIntact(), "the token covers the manifest");
        assertEquals(Indication.PASSED, dss.getSimpleReport().getIndication(token.getId()), dss.getXmlSimpleReport().toString());
        List<String> covered = token.getTimestampedSignedData().stream().map(d -> d.getReferencedName()).toList();
        for (String name : List.of(base + ".bin", "signature-" + signature + ".p7s", "validation-report.json")) {
            assertTrue(covered.contains(name), name + " is covered by the token: " + covered);
        }
        LongTermChecks.passesForTheRetentionPeriod(lta, null, entries.get(base + ".bin"), root, 1);

        Files.write(dir.resolve("manifest.xml"), entries.get("META-INF/ASiCManifest.xml"));
        Files.write(dir.resolve("token.tst"), entries.get("META-INF/timestamp.tst"));
        Files.writeString(dir.resolve("chain.pem"), nurse.chainPem());
        Tools.Result openssl = Tools.runResult("openssl", "ts", "-verify", "-data", dir.resolve("manifest.xml").toString(),
                "-in", dir.resolve("token.tst").toString(), "-token_in", "-CAfile", dir.resolve("chain.pem").toString());
        assertTrue(openssl.all().contains("Verification: OK"), openssl.all());

        entries.get(base + ".bin")[0] ^= 1;
        Reports tampered = validateContainer(zip(entries), root);
        TimestampWrapper broken = containerTimestamp(tampered.getDiagnosticData());
        assertNotEquals(Indication.PASSED, tampered.getSimpleReport().getIndication(broken.getId()),
                "a record changed inside the container: " + tampered.getXmlSimpleReport());

        try (Connection c = server.his().connect(); PreparedStatement ps = c.prepareStatement(
                "UPDATE his_record SET version = version + 1, content = content || '（補記）', modified_at = now(), "
                        + "changed_at = now() WHERE id = ?")) {
            ps.setLong(1, record);
            assertEquals(1, ps.executeUpdate());
        }
        HttpResponse<byte[]> gone = export(server, signature, "AU0001");
        assertEquals(409, gone.statusCode());
        assertEquals("MS-5020", JSON.readTree(gone.body()).path("code").asText(), new String(gone.body()));
    }

    private static HttpResponse<byte[]> export(MedsignServer server, long signature, String who) throws Exception {
        String token = new MedsignClient(server.baseUrl(), DevTls.sslContext()).login("T0", who, StaffSession.DEMO_PASSWORD)
                .token();
        return DevTls.httpClient().send(HttpRequest.newBuilder(server.url("api/v1/signatures/" + signature + "/evidence"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** DSS on the whole container, online (the TSA certificate's status from medsign's PKI), the root the only anchor. */
    private static Reports validateContainer(byte[] container, byte[] root) {
        CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
        trusted.addCertificate(new CertificateToken(DSSUtils.loadCertificate(root).getCertificate()));
        CommonCertificateVerifier verifier = new CommonCertificateVerifier();
        verifier.setTrustedCertSources(trusted);
        verifier.setOcspSource(new OnlineOCSPSource());
        verifier.setCrlSource(new OnlineCRLSource());
        SignedDocumentValidator validator = SignedDocumentValidator.fromDocument(new InMemoryDocument(container));
        assertEquals("ASiCContainerWithCAdESValidator", validator.getClass().getSimpleName(), "DSS reads it as ASiC with CAdES");
        validator.setCertificateVerifier(verifier);
        return validator.validateDocument();
    }

    private static TimestampWrapper containerTimestamp(DiagnosticData diagnostic) {
        assertEquals(ASiCContainerType.ASiC_E, diagnostic.getContainerType(), "DSS reads an ASiC-E");
        List<TimestampWrapper> tokens = diagnostic.getTimestampList();
        assertEquals(1, tokens.size(), "one time-stamp over the manifest: " + tokens);
        return tokens.get(0);
    }

    private static Map<String, byte[]> entries(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static byte[] zip(Map<String, byte[]> entries) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                if (e.getKey().equals("mimetype")) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                    crc.update(e.getValue());
                    entry.setCrc(crc.getValue());
                }
                zip.putNextEntry(entry);
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
