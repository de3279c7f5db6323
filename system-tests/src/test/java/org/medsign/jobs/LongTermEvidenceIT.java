package org.medsign.jobs;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.enumerations.TimestampType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.signing.Dss;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * CAdES-BASELINE-LTA: after the revocation grace period (2 s in the tests) the long-term-evidence job, started from
 * 批次作業, adds the validation data and an archive timestamp to stored signatures (JMX shows the backlog and its age before, none after); EU DSS then validates them with no network at all (medsign's
 * root as the only trust anchor) as CAdES-BASELINE-LTA, TOTAL_PASSED, and {@code openssl cms -verify} still accepts them.
 */
@SystemTest
class LongTermEvidenceIT {

    private static final Duration RUN = Duration.ofMinutes(3);

    @Test
    void storedSignaturesBecomeLtAndVerifyWithoutMedsign(MedsignServer server, @TempDir Path dir) throws Exception {
        assumeTrue(server.his().postgres() && server.database().postgres(), "the test writes to the HIS and reads by SQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0002", "長期保存手機");
        nurse.bindEPortal("10.20.30.45");
        long first = HisRecords.add(server, "N0002", 2);
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        byte[] canonical = Base64.getDecoder().decode(eportal.record(first).path("canonical").asText());
        eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(first, first + 1), null);
        long signature = signatureOf(eportal, first);
        byte[] cadesT = eportal.storedCms(signature);
        byte[] root = DevTls.httpClient().send(HttpRequest.newBuilder(server.plainHttpUrl("pki/mobile/root.crt")).build(),
                HttpResponse.BodyHandlers.ofByteArray()).body();
        Dss.Outcome beforeOffline = Dss.validate(cadesT, canonical, root, true, null);
        assertEquals("CAdES-BASELINE-T INDETERMINATE", beforeOffline.level() + " " + beforeOffline.indication(),
                "without medsign's PKI a CAdES-T cannot be checked: " + beforeOffline);

        BatchPage batch = new BatchPage(server);
        awaitGrace(server, signature);
        assertTrue(Integer.parseInt(batch.open().document().getElementById("batch:longTermBacklog").text()) >= 2,
                "both signatures are on 批次作業's backlog");
        assertTrue(jobs("LongTermBacklog") >= 2, "and on JMX");
        assertTrue(jobs("LongTermBacklogAgeSeconds") >= 3, "with the oldest one's age");
        batch.awaitIdle();
        BatchPage.Run before = batch.last("long-term-evidence");
        batch.press("startLongTerm");
        BatchPage.Run run = batch.awaitEnd("long-term-evidence", before == null ? 0 : before.executionId(), RUN);
        assertEquals("COMPLETED", run.status());
        assertEquals(List.of("LTA", "LTA"), levels(server, signature, signatureOf(eportal, first + 1)));
        assertEquals(0L, jobs("LongTermBacklog"), "the run took every signature past its grace period");
        assertEquals(0L, jobs("LongTermBacklogAgeSeconds"));
        assertTrue(((String) MedsignJmx.attribute(MedsignJmx.area("Jobs"), "LongTermEvidenceLastRun")).contains("COMPLETED"));

        byte[] lta = eportal.storedCms(signature);
        Dss.Outcome offline = Dss.validate(lta, canonical, root, true, null);
        assertEquals("CAdES-BASELINE-LTA TOTAL_PASSED", offline.level() + " " + offline.indication(), offline.toString());
        var archives = offline.reports().getDiagnosticData().getTimestampList().stream()
                .filter(t -> t.getType() == TimestampType.ARCHIVE_TIMESTAMP).toList();
        assertEquals(1, archives.size(), "one archive timestamp");
        assertTrue(archives.get(0).isMessageImprintDataFound() && archives.get(0).isMessageImprintDataIntact(),
                "DSS recomputed its message imprint");
        Date sevenYears = Date.from(Instant.now().plus(Duration.ofDays(7 * 365 + 2)));
        Dss.Outcome later = Dss.validate(lta, canonical, root, true, sevenYears);
        assertEquals("CAdES-BASELINE-LTA TOTAL_PASSED", later.level() + " " + later.indication(),
                "seven years on, offline, the signer's and the OCSP responder's certificates long expired: " + later);
        Dss.Outcome ltLater = Dss.validate(cadesT, canonical, root, true, sevenYears);
        assertEquals(Indication.INDETERMINATE, ltLater.indication(), "what the CAdES-T alone would be then: " + ltLater);

        Files.write(dir.resolve("record.bin"), canonical);
        Files.write(dir.resolve("lta.der"), lta);
        Files.writeString(dir.resolve("chain.pem"), nurse.chainPem());
        Tools.Result openssl = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                dir.resolve("lta.der").toString(), "-content", dir.resolve("record.bin").toString(), "-CAfile",
                dir.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null");
        assertTrue(openssl.all().contains("Verification successful"), openssl.all());
        assertEquals("TOTAL_PASSED", eportal.verification(signature).path("indication").asText(), "medsign's own report too");
    }

    static long jobs(String attribute) throws Exception {
        return (Long) MedsignJmx.attribute(MedsignJmx.area("Jobs"), attribute);
    }

    static long signatureOf(EPortalClient eportal, long recordId) {
        for (var s : eportal.signatures()) {
            if (s.path("recordId").asLong() == recordId) {
                return s.path("id").asLong();
            }
        }
        throw new AssertionError("no stored signature of record " + recordId);
    }

    /** Waits until the signature's timestamp is past the test server's grace period (2 s). */
    static void awaitGrace(MedsignServer server, long signature) throws Exception {
        awaitGrace(server, "SELECT timestamp_time FROM record_signature WHERE id = ?", signature);
    }

    /** The same for the signature whose timestamp {@code query} (one parameter, {@code key}) reads. */
    static void awaitGrace(MedsignServer server, String query, long key) throws Exception {
        Instant timestamp;
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement(query)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                timestamp = rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
            }
        }
        long wait = Duration.between(Instant.now(), timestamp.plusSeconds(3)).toMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    static List<String> levels(MedsignServer server, long... ids) throws Exception {
        List<String> levels = new java.util.ArrayList<>();
        try (Connection c = server.database().connect();
             PreparedStatement ps = c.prepareStatement("SELECT evidence_level FROM record_signature WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    levels.add(rs.getString(1));
                }
            }
        }
        return levels;
    }
}
