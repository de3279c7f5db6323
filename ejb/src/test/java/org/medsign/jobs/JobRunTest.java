package org.medsign.jobs;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A job's last run as JMX reads it (UnsignedScanLastRun and the others). */
class JobRunTest {

    private static final Instant START = Instant.parse("2026-01-17T05:22:00Z");

    private static JobRun run(String batchStatus, String exitStatus) {
        return new JobRun(7, 3, "unsigned-scan", "INCREMENTAL", batchStatus, exitStatus, START, START.plusSeconds(4),
                120, 118, 2, null, false, false);
    }

    @Test
    void anExitStatusThatRepeatsTheBatchStatusIsSaidOnce() {
        assertEquals("COMPLETED at 2026-01-17T05:22:00Z (read 120, written 118, skipped 2)", run("COMPLETED", "COMPLETED").summary());
        assertEquals("COMPLETED", run("COMPLETED", null).outcome());
        assertEquals("STARTED", run("STARTED", " ").outcome());
    }

    @Test
    void anExitStatusOfItsOwnIsKept() {
        assertEquals("FAILED (HIS_UNAVAILABLE)", run("FAILED", "HIS_UNAVAILABLE").outcome());
        assertEquals("COMPLETED (NO_CHANGES) at 2026-01-17T05:22:00Z (read 120, written 118, skipped 2)",
                run("COMPLETED", "NO_CHANGES").summary());
    }
}
