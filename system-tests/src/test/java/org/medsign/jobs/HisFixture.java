package org.medsign.jobs;

import org.medsign.dev.his.HisGenerator;
import org.medsign.his.HisRecord;
import org.medsign.his.HisRow;
import org.medsign.his.MalformedHisRecordException;
import org.medsign.signing.pending.PendingEntry;
import org.medsign.systemtest.Deployment;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HIS stand-in seen from the tests (PostgreSQL only): fills it with the project's generator, changes rows as
 * the HIS would, cuts it off and lets it back (public for the HIS outage's test), and computes from scratch what the
 * pending index must hold.
 */
public final class HisFixture {

    private final Deployment server;

    public HisFixture(Deployment server) {
        this.server = server;
    }

    public HisGenerator.Result generate(long seed, int staff, long records, int months) throws SQLException {
        try (Connection c = server.his().connect()) {
            return new HisGenerator().generate(c, new HisGenerator.Settings(seed, staff, records, months, Instant.now(), false));
        }
    }

    /** Adds records as a live HIS would: their rows change now, whatever times their content carries. */
    void append(long seed, int staff, long records, int months) throws SQLException {
        HisGenerator.Result result = generate(seed, staff, records, months);
        update("UPDATE his_record SET changed_at = ? WHERE id >= ?", Instant.now().atOffset(ZoneOffset.UTC), result.firstId());
    }

    public int update(String sql, Object... values) throws SQLException {
        try (Connection c = server.his().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setObject(i + 1, values[i]);
            }
            return ps.executeUpdate();
        }
    }

    long scalar(String sql) throws SQLException {
        try (Connection c = server.his().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Cuts the HIS off (no new connections, the open ones killed), or lets it back. */
    public void reachable(boolean open) throws SQLException {
        String name = server.his().url().substring(server.his().url().lastIndexOf('/') + 1);
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                server.his().user(), server.his().password()); Statement st = c.createStatement()) {
            st.execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS " + open);
            if (!open) {
                st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
            }
        }
    }

    /** What the index must hold for a window start, computed from the HIS rows with the project's own rules. */
    public Map<Long, String> expected(Instant windowStart) throws SQLException {
        Map<Long, String> expected = new TreeMap<>();
        try (Connection c = server.his().connect(); PreparedStatement ps = c.prepareStatement("SELECT r.id, r.chart_number,"
                + " p.name, r.record_type, t.name_zh, r.author, r.site_code, r.department, r.created_at, r.modified_at,"
                + " r.version, r.content, r.signed_version, r.changed_at FROM his_record r"
                + " LEFT JOIN his_patient p ON p.chart_number = r.chart_number"
                + " LEFT JOIN his_record_type t ON t.code = r.record_type WHERE r.modified_at >= ?"
                + " AND (r.signed_version IS NULL OR r.signed_version <> r.version)")) {
            ps.setObject(1, windowStart.atOffset(ZoneOffset.UTC));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    HisRow row = new HisRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), time(rs, 9), time(rs, 10),
                            rs.getInt(11), rs.getString(12), (Integer) rs.getObject(13), time(rs, 14));
                    try {
                        PendingEntry e = PendingEntry.of(HisRecord.of(row));
                        expected.put(e.recordId(), fingerprint(e.version(), e.digest(), e.author(), e.patientMasked(),
                                e.chartNumber()));
                    } catch (MalformedHisRecordException malformed) {
                        // a malformed row is never pending
                    }
                }
            }
        }
        return expected;
    }

    /** What the index holds (rows medsign marked signed are not listed). */
    public Map<Long, String> actual() throws SQLException {
        Map<Long, String> actual = new TreeMap<>();
        try (Connection c = server.database().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT his_record_id, version, digest, author, patient_masked, chart_number"
                     + " FROM pending_record WHERE signed_version IS NULL OR signed_version <> version")) {
            while (rs.next()) {
                actual.put(rs.getLong(1), fingerprint(rs.getInt(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return actual;
    }

    private static String fingerprint(int version, String digest, String author, String masked, String chart) {
        return version + "|" + digest + "|" + author + "|" + masked + "|" + chart;
    }

    private static Instant time(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
