package org.medsign.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import eu.europa.esig.dss.enumerations.Indication;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.mobile.MedsignClient;
import org.medsign.signing.Dss;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * 機構代簽 kept for the retention period: an institution signature made by the signing-deadline job (with the
 * development institution certificate medsign's CA issued) is on the long-term backlog, and the long-term-evidence job
 * takes it to LTA with medsign's OCSP answer for that certificate. EU DSS then validates it with no network, medsign's
 * root the only anchor, as CAdES-BASELINE-LTA TOTAL_PASSED today and seven years on (where the CAdES-T it came from is
 * INDETERMINATE), and {@code openssl cms -verify} still accepts it.
 */
@SystemTest
class InstitutionEvidenceIT {

    private static final Duration RUN = Duration.ofMinutes(3);

    @Test
    void anInstitutionSignatureIsTakenToLtaAndVerifiesWithoutMedsign(MedsignServer server, @TempDir Path dir) throws Exception {
        assumeTrue(server.his().postgres() && server.database().postgres(), "the test writes to the HIS and reads by SQL");
        long record = HisRecords.add(server, "N0003", 1, 30);
        BatchPage batch = new BatchPage(server);
        batch.awaitIdle();
        // the record was made 30 hours ago: only a full scan of the window puts it on the pending index
        BatchPage.Run scan = batch.last("unsigned-scan");
        batch.press("startFullScan");
        assertEquals("COMPLETED", batch.awaitEnd("unsigned-scan", scan == null ? 0 : scan.executionId(), RUN).status());
        batch.awaitIdle();
        BatchPage.Run deadline = batch.last("signing-deadline");
        batch.press("startDeadline");
        assertEquals("COMPLETED", batch.awaitEnd("signing-deadline", deadline == null ? 0 : deadline.executionId(), RUN).status());

        MedsignClient it = InstitutionSigningIT.app(server, "IT0001");
        JsonNode evidence = it.getJson("api/v1/institution-signatures/" + record);
        byte[] canonical = Base64.getDecoder().decode(evidence.path("canonical").asText());
        byte[] cadesT = Base64.getDecoder().decode(evidence.path("cms").asText());
        assertEquals("T", level(batch, record));
        LongTermEvidenceIT.awaitGrace(server, "SELECT timestamp_time FROM institution_signature WHERE his_record_id = ?", record);
        assertTrue(Integer.parseInt(batch.open().document().getElementById("batch:longTermBacklog").text()) >= 1,
                "the institution signature is on 批次作業's backlog");
        assertTrue(LongTermEvidenceIT.jobs("LongTermBacklog") >= 1, "and on JMX");

        batch.awaitIdle();
        BatchPage.Run before = batch.last("long-term-evidence");
        batch.press("startLongTerm");
        assertEquals("COMPLETED", batch.awaitEnd("long-term-evidence", before == null ? 0 : before.executionId(), RUN).status());
        assertEquals("LTA", level(batch, record));
        assertEquals(0L, LongTermEvidenceIT.jobs("LongTermBacklog"), "no signature of either kind left waiting");

        byte[] lta = Base64.getDecoder().decode(it.getJson("api/v1/institution-signatures/" + record).path("cms").asText());
        assertTrue(signerSubject(lta).contains("CN=medsign Demo Hospital"), "still the institution's signature");
        byte[] root = DevTls.httpClient().send(HttpRequest.newBuilder(server.plainHttpUrl("pki/mobile/root.crt")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Dss.Outcome offline = Dss.validate(lta, canonical, root, true, null);
        assertEquals("CAdES-BASELINE-LTA TOTAL_PASSED", offline.level() + " " + offline.indication(), offline.toString());
        Date sevenYears = Date.from(Instant.now().plus(Duration.ofDays(7 * 365 + 2)));
        Dss.Outcome later = Dss.validate(lta, canonical, root, true, sevenYears);
        assertEquals("CAdES-BASELINE-LTA TOTAL_PASSED", later.level() + " " + later.indication(),
                "seven years on, offline, the institution certificate long expired: " + later);
        Dss.Outcome tLater = Dss.validate(cadesT, canonical, root, true, sevenYears);
        assertEquals(Indication.INDETERMINATE, tLater.indication(), "what the CAdES-T alone would be then: " + tLater);

        Files.write(dir.resolve("record.bin"), canonical);
        Files.write(dir.resolve("lta.der"), lta);
        Files.writeString(dir.resolve("chain.pem"), InstitutionSigningIT.publishedChain(server));
        Tools.Result openssl = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                dir.resolve("lta.der").toString(), "-content", dir.resolve("record.bin").toString(), "-CAfile",
                dir.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(openssl.all().contains("Verification successful"), openssl.all());
    }

    private static String level(BatchPage batch, long record) throws Exception {
        return batch.scalar("SELECT COUNT(*) FROM institution_signature WHERE his_record_id = " + record
                + " AND evidence_level = 'LTA'") == 1 ? "LTA" : "T";
    }

    private static String signerSubject(byte[] der) throws Exception {
        CMSSignedData cms = new CMSSignedData(der);
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        return ((X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next()).getSubject().toString();
    }
}
