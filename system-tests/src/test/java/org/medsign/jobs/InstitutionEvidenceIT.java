package org.medsign.jobs;

import com.fasterxml.jackson.databind.JsonNode;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.mobile.MedsignClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

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

        LongTermChecks.runJob(batch);
        assertEquals("LTA", level(batch, record));
        assertEquals(0L, LongTermEvidenceIT.jobs("LongTermBacklog"), "no signature of either kind left waiting");

        byte[] lta = Base64.getDecoder().decode(it.getJson("api/v1/institution-signatures/" + record).path("cms").asText());
        assertTrue(signerSubject(lta).contains("CN=medsign Demo Hospital"), "still the institution's signature");
        LongTermChecks.passesForTheRetentionPeriod(lta, cadesT, canonical, LongTermChecks.root(server), 1);
        LongTermChecks.opensslAccepts(dir, lta, canonical, InstitutionSigningIT.publishedChain(server));
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
