package org.medsign.jobs;

import org.jsoup.nodes.Element;
import org.medsign.systemtest.Deployment;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.StaffSession;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * IT's 批次作業 page driven over HTTP (as IT0001), with the job repository read directly to wait for runs. Public for
 * the capabilities' tests that run a job (the HIS outage's write-back).
 */
public final class BatchPage {

    private final Deployment server;
    private PortalClient client;

    public BatchPage(Deployment server) {
        this.server = server;
        logIn();
    }

    void logIn() {
        client = StaffSession.logIn(server, "IT0001").client();
    }

    PortalClient client() {
        return client;
    }

    public Page open() {
        return client.open("portal/it/batch.xhtml");
    }

    /** Presses a start button (startScan, startFullScan, startDeadline, startReminders, startUpkeep, startLongTerm,
     * startWriteBack); returns the page answered. */
    public Page press(String button) {
        return new Page(client.submit(open(), "batch", Map.of(), "batch:" + button));
    }

    /** Presses 重新執行 on the row of a run. */
    Page restart(long executionId) {
        Page page = open();
        for (Element cell : page.document().select(".execution-id")) {
            if (cell.text().equals(String.valueOf(executionId))) {
                String rowId = cell.id().substring(0, cell.id().lastIndexOf(':'));
                return new Page(client.submit(page, "batch", Map.of(), rowId + ":restart"));
            }
        }
        throw new IllegalStateException("run " + executionId + " is not on the page: " + page.text());
    }

    public Run last(String job) throws SQLException {
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement("SELECT e.jobexecutionid,"
                + " e.batchstatus, e.exitstatus, i.jobinstanceid FROM job_execution e JOIN job_instance i"
                + " ON i.jobinstanceid = e.jobinstanceid WHERE i.jobname = ? ORDER BY e.jobexecutionid DESC LIMIT 1")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Run(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)) : null;
            }
        }
    }

    /** Waits until the job's latest run has ended (and is newer than {@code after}); returns it. */
    public Run awaitEnd(String job, long after, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Run run = last(job);
            if (run != null && run.executionId() > after && run.ended()) {
                return run;
            }
            Thread.sleep(300);
        }
        throw new AssertionError(job + " did not end within " + timeout + ": " + last(job));
    }

    /** Waits until no medsign job runs (the start-up catch-up scan, a previous test's run). */
    public void awaitIdle() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (scalar("SELECT COUNT(*) FROM job_execution WHERE batchstatus IN ('STARTING', 'STARTED', 'STOPPING')") == 0
                    && scalar("SELECT COUNT(*) FROM job_run_lock WHERE job_instance_id IS NOT NULL") == 0) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("jobs still running after 3 minutes");
    }

    /** The window start the run's instance planned (so expectations use the same window). */
    public Instant windowStart(long instanceId) throws SQLException {
        try (Connection c = server.database().connect();
             PreparedStatement ps = c.prepareStatement("SELECT window_start FROM pending_scan_run WHERE job_instance_id = ?")) {
            ps.setLong(1, instanceId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    Connection connection() throws SQLException {
        return server.database().connect();
    }

    public long scalar(String sql) throws SQLException {
        try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A run as the job repository holds it. */
    public record Run(long executionId, String status, String exitStatus, long instanceId) {

        public boolean ended() {
            return !status.equals("STARTING") && !status.equals("STARTED") && !status.equals("STOPPING");
        }
    }
}
