package org.medsign.jobs;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.signing.Dss;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
public class LongTermEvidenceIT {

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
        byte[] root = LongTermChecks.root(server);
        Dss.Outcome beforeOffline = Dss.validate(cadesT, canonical, root, true, null);
        assertEquals("CAdES-BASELINE-T INDETERMINATE", beforeOffline.level() + " " + beforeOffline.indication(),
                "without medsign's PKI a CAdES-T cannot be checked: " + beforeOffline);

        BatchPage batch = new BatchPage(server);
        awaitGrace(server, signature);
        assertTrue(Integer.parseInt(batch.open().document().getElementById("batch:longTermBacklog").text()) >= 2,
                "both signatures are on 批次作業's backlog");
        assertTrue(jobs("LongTermBacklog") >= 2, "and on JMX");
        assertTrue(jobs("LongTermBacklogAgeSeconds") >= 3, "with the oldest one's age");
        LongTermChecks.runJob(batch);
        assertEquals(List.of("LTA", "LTA"), levels(server, signature, signatureOf(eportal, first + 1)));
        assertEquals(0L, jobs("LongTermBacklog"), "the run took every signature past its grace period");
        assertEquals(0L, jobs("LongTermBacklogAgeSeconds"));
        assertTrue(((String) MedsignJmx.attribute(MedsignJmx.area("Jobs"), "LongTermEvidenceLastRun")).contains("COMPLETED"));

        byte[] lta = eportal.storedCms(signature);
        LongTermChecks.passesForTheRetentionPeriod(lta, cadesT, canonical, root, 1);
        LongTermChecks.opensslAccepts(dir, lta, canonical, nurse.chainPem());
        assertEquals("TOTAL_PASSED", eportal.verification(signature).path("indication").asText(), "medsign's own report too");
    }

    static long jobs(String attribute) throws Exception {
        return (Long) MedsignJmx.attribute(MedsignJmx.area("Jobs"), attribute);
    }

    public static long signatureOf(EPortalClient eportal, long recordId) {
        for (var s : eportal.signatures()) {
            if (s.path("recordId").asLong() == recordId) {
                return s.path("id").asLong();
            }
        }
        throw new AssertionError("no stored signature of record " + recordId);
    }

    /** Waits until the signature's timestamp is past the test server's grace period (2 s). */
    public static void awaitGrace(MedsignServer server, long signature) throws Exception {
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

    public static List<String> levels(MedsignServer server, long... ids) throws Exception {
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
