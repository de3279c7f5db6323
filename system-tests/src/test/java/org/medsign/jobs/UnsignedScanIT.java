package org.medsign.jobs;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.SystemTest;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The unsigned-scan job against the real server and an HIS stand-in on PostgreSQL: the index equals a from-scratch
 * computation after full and incremental runs, malformed rows are skipped and reported, and a run stays single.
 */
@SystemTest
class UnsignedScanIT {

    private static final Duration RUN = Duration.ofMinutes(4);

    private HisFixture his;
    private BatchPage batch;

    @BeforeEach
    void prepare(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "direct SQL checks need PostgreSQL");
        his = new HisFixture(server);
        batch = new BatchPage(server);
        batch.awaitIdle();
    }

    private BatchPage.Run run(String button) throws Exception {
        BatchPage.Run before = batch.last("unsigned-scan");
        Page page = batch.press(button);
        assertTrue(page.text().contains("unsigned-scan"), page.text());
        BatchPage.Run run = batch.awaitEnd("unsigned-scan", before == null ? 0 : before.executionId(), RUN);
        assertEquals("COMPLETED", run.status(), run.toString());
        return run;
    }

    private void assertIndexExact(BatchPage.Run run) throws SQLException {
        var expected = his.expected(batch.windowStart(run.instanceId()));
        var actual = his.actual();
        assertEquals(expected.size(), actual.size(), "pending records");
        assertEquals(expected, actual);
    }

    @Test
    void fullThenIncrementalScansKeepTheIndexExact() throws Exception {
        his.generate(11, 40, 20_000, 4);
        BatchPage.Run full = run("startFullScan");
        assertIndexExact(full);
        assertTrue(his.actual().size() > 1000, "the generated HIS has work: " + his.actual().size());

        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        int signed = his.update("UPDATE his_record SET signed_version = version, signed_at = ?, signed_by = author,"
                + " changed_at = ? WHERE id IN (SELECT id FROM his_record WHERE signed_version IS NULL"
                + " AND modified_at > ? ORDER BY id LIMIT 40)", now, now, now.minusDays(20));
        int modified = his.update("UPDATE his_record SET version = version + 1, content = content || ' 補充說明。',"
                + " modified_at = ?, changed_at = ? WHERE id IN (SELECT id FROM his_record WHERE signed_version = version"
                + " ORDER BY id DESC LIMIT 40)", now, now);
        int aged = his.update("UPDATE his_record SET modified_at = ?, created_at = ?, changed_at = ? WHERE id IN"
                + " (SELECT id FROM his_record WHERE signed_version IS NULL AND modified_at > ? ORDER BY id LIMIT 5)",
                now.minusMonths(3), now.minusMonths(3), now, now.minusDays(10));
        long malformedId = his.scalar("SELECT MAX(id) + 1 FROM his_record");
        his.update("INSERT INTO his_record (id, chart_number, record_type, author, site_code, department, created_at,"
                + " modified_at, version, content, changed_at) VALUES (?, '1000000', 'NO_SUCH_TYPE', 'N0001', 'T0', 'NUR',"
                + " ?, ?, 1, '內容', ?)", malformedId, now, now, now);
        his.append(12, 40, 300, 1);
        assertTrue(signed == 40 && modified == 40 && aged == 5, signed + " " + modified + " " + aged);

        BatchPage.Run incremental = run("startScan");
        assertIndexExact(incremental);
        assertTrue(batch.scalar("SELECT COUNT(*) FROM job_note WHERE execution_id = " + incremental.executionId()
                + " AND kind = 'SKIP' AND error_code = 'MS-6007' AND item = 'HIS " + malformedId + "'") == 1,
                "the malformed row is reported");
        String page = batch.open().text();
        assertTrue(page.contains("MS-6007") || page.contains(String.valueOf(incremental.executionId())), page);

        his.update("UPDATE his_record SET record_type = 'NURSING', changed_at = ? WHERE id = ?", now.plusSeconds(1), malformedId);
        assertIndexExact(run("startFullScan"));
    }

    @Test
    void aSecondStartWhileRunningIsRefused() throws Exception {
        BatchPage.Run before = batch.last("unsigned-scan");
        batch.press("startFullScan");
        batch.press("startFullScan");
        batch.awaitIdle();
        assertEquals(1, batch.scalar("SELECT COUNT(*) FROM job_execution e JOIN job_instance i ON i.jobinstanceid ="
                + " e.jobinstanceid WHERE i.jobname = 'unsigned-scan' AND e.jobexecutionid > " + before.executionId()
                + " AND e.exitstatus <> 'MS-6002'"), "one run did the work");
        assertIndexExact(batch.awaitEnd("unsigned-scan", before.executionId(), RUN));
    }

    @Test
    void theHisGoingAwayFailsTheRunCleanlyAndTheNextRunCatchesUp() throws Exception {
        BatchPage.Run before = batch.last("unsigned-scan");
        his.reachable(false);
        BatchPage.Run failed;
        try {
            batch.press("startScan");
            failed = batch.awaitEnd("unsigned-scan", before == null ? 0 : before.executionId(), RUN);
        } finally {
            his.reachable(true);
        }
        assertEquals("FAILED", failed.status());
        assertTrue(batch.open().text().contains("[MS-6001]"), "the failure reason is on the page");
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        his.update("UPDATE his_record SET version = version + 1, modified_at = ?, changed_at = ? WHERE id IN"
                + " (SELECT id FROM his_record WHERE author = 'N0002' ORDER BY id DESC LIMIT 3)", now, now);
        assertIndexExact(run("startScan"));
    }

    @Test
    void theNightlyFullScanIsScheduled() {
        String page = batch.open().text();
        assertTrue(page.contains("daily 02:30"), page);
    }
}
