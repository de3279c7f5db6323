package org.medsign.jobs;

import org.junit.jupiter.api.Test;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Kill -9 in the middle of a full scan, start the server again, restart the run from the 批次作業 page: it resumes
 * from its checkpoints (it reads less than a whole scan) and the index equals a from-scratch computation.
 */
@SystemTest
class ScanCrashIT {

    @Test
    void aKilledScanRestartsFromItsCheckpointsAndEndsExact(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "direct SQL checks need PostgreSQL");
        HisFixture his = new HisFixture(server);
        BatchPage batch = new BatchPage(server);
        batch.awaitIdle();
        his.generate(21, 120, 400_000, 2);
        // records signed in the HIS by card become unsigned; what medsign signed stays signed, as medsign knows it
        his.update("UPDATE his_record SET signed_version = NULL WHERE id % 3 <> 0"
                + " AND (signature_ref IS NULL OR signature_ref NOT LIKE 'medsign:%')");

        long indexed = batch.scalar("SELECT COUNT(*) FROM pending_record");
        BatchPage.Run before = batch.last("unsigned-scan");
        batch.press("startFullScan");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        long grown = 0;
        while (Instant.now().isBefore(deadline) && grown < 50_000) {
            Thread.sleep(100);
            grown = batch.scalar("SELECT COUNT(*) FROM pending_record") - indexed;
        }
        BatchPage.Run running = batch.last("unsigned-scan");
        assertTrue(grown >= 50_000 && running.executionId() > (before == null ? 0 : before.executionId()) && !running.ended(),
                "killed mid-scan: " + grown + " rows written, " + running);
        BatchPage.Run killed = batch.last("unsigned-scan");
        server.kill();
        server.start();
        assertEquals("STARTED", batch.last("unsigned-scan").status(), "a killed run stays STARTED in the repository");

        batch.logIn();
        batch.restart(killed.executionId());
        BatchPage.Run restarted = batch.awaitEnd("unsigned-scan", killed.executionId(), Duration.ofMinutes(5));
        assertEquals("COMPLETED", restarted.status(), restarted.toString());
        assertEquals(killed.instanceId(), restarted.instanceId(), "the same run continued");

        long reread = batch.scalar("SELECT COALESCE(SUM(readcount), 0) FROM step_execution WHERE jobexecutionid = "
                + restarted.executionId());
        var expected = his.expected(batch.windowStart(restarted.instanceId()));
        assertTrue(reread > 0 && reread < expected.size() * 0.85,
                "the restart resumed from checkpoints: read " + reread + " of " + expected.size());
        assertEquals(expected, his.actual());
    }
}
