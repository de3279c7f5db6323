package org.medsign.signing.pending;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.medsign.his.RecordKey;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The unsigned-scan job's state in the medsign database: the plan of each job instance (fixed at its first start,
 * so a restart after a crash walks the same window) and the watermark in the HIS's change stream, which moves in
 * the same transaction as the index rows it covers. Open to every caller: the job runs without one.
 */
@Stateless
@PermitAll
public class PendingScan {

    public static final String NAME = "unsigned-scan";

    @Resource(lookup = "java:jboss/datasources/MedsignDS")
    DataSource medsign;

    @Inject
    PendingWindow window;

    @Inject
    @ConfigProperty(name = "medsign.scan.overlap-seconds", defaultValue = "120")
    long overlapSeconds;

    /** The plan of a job instance: the stored one on restart, else a new one (AUTO = full until the first full ran). */
    public ScanPlan plan(long jobInstanceId, String requestedMode) {
        try (Connection c = medsign.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT mode, window_start, window_end, started_at"
                    + " FROM pending_scan_run WHERE job_instance_id = ?")) {
                ps.setLong(1, jobInstanceId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        return new ScanPlan(jobInstanceId, ScanPlan.Mode.valueOf(rs.getString(1)), instant(rs, 2),
                                instant(rs, 3), instant(rs, 4));
                    }
                }
            }
            boolean neverFull;
            try (PreparedStatement ps = c.prepareStatement("SELECT last_full_at FROM pending_scan_state WHERE name = ?")) {
                ps.setString(1, NAME);
                try (ResultSet rs = ps.executeQuery()) {
                    neverFull = !rs.next() || rs.getObject(1) == null;
                }
            }
            ScanPlan.Mode mode = "FULL".equalsIgnoreCase(requestedMode) || neverFull ? ScanPlan.Mode.FULL
                    : ScanPlan.Mode.INCREMENTAL;
            Instant now = Instant.now();
            ScanPlan plan = new ScanPlan(jobInstanceId, mode, window.start(now), now, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO pending_scan_run (job_instance_id, mode,"
                    + " window_start, window_end, started_at) VALUES (?, ?, ?, ?, ?)")) {
                ps.setLong(1, jobInstanceId);
                ps.setString(2, mode.name());
                ps.setObject(3, at(plan.windowStart()));
                ps.setObject(4, at(plan.windowEnd()));
                ps.setObject(5, at(plan.startedAt()));
                ps.executeUpdate();
            }
            return plan;
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Where the next incremental walk starts: the watermark less the overlap that catches late HIS commits. */
    public RecordKey incrementalStart() {
        try (Connection c = medsign.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT watermark_at FROM pending_scan_state WHERE name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                Instant at = rs.next() ? instant(rs, 1) : null;
                return RecordKey.before(at == null ? Instant.EPOCH : at.minusSeconds(overlapSeconds));
            }
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    /** Moves the watermark forward to {@code key}, in the caller's (chunk) transaction. */
    public void advance(RecordKey key) {
        update("UPDATE pending_scan_state SET watermark_at = ?, watermark_id = ? WHERE name = ?"
                + " AND (watermark_at IS NULL OR watermark_at < ? OR (watermark_at = ? AND watermark_id < ?))",
                at(key.at()), key.id(), NAME, at(key.at()), at(key.at()), key.id());
    }

    /** After a full scan: everything changed since it started is left to the next incremental run. */
    public void finished(ScanPlan plan) {
        Instant now = Instant.now();
        if (plan.mode() == ScanPlan.Mode.FULL) {
            update("UPDATE pending_scan_state SET watermark_at = ?, watermark_id = ?, last_full_at = ?, last_run_at = ?"
                    + " WHERE name = ?", at(plan.startedAt()), Long.MIN_VALUE, at(now), at(now), NAME);
        } else {
            update("UPDATE pending_scan_state SET last_run_at = ? WHERE name = ?", at(now), NAME);
        }
    }

    private void update(String sql, Object... values) {
        try (Connection c = medsign.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw failed(e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("pending scan state failed (SQL state " + e.getSQLState() + ")", e);
    }
}
