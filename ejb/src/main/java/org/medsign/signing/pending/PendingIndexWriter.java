package org.medsign.signing.pending;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import org.medsign.his.RecordKey;
import org.medsign.his.UtcTime;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the pending index in bulk with JDBC inside the caller's transaction (a scan chunk, or a refresh); on
 * PostgreSQL the inserts and updates of a chunk are one {@link PendingUpsert}.
 * Unchanged rows are not written, so a full scan over an exact index only reads. A row's {@code signed_version}
 * is never overwritten: what medsign signed stays hidden even if the HIS still shows the version unsigned.
 * Open to every caller because the unsigned-scan job runs without one; only medsign's own code reaches it.
 */
@Stateless
@PermitAll
public class PendingIndexWriter {

    private static final int ROWS_PER_INSERT = 500;
    /** Times are bound as text the database casts: the driver's own timestamp binding cost the scan more. */
    private static final String TIME = "CAST(? AS TIMESTAMP WITH TIME ZONE)";
    private static final String COLUMNS = "version = ?, author = ?, site_code = ?, department = ?, record_type = ?,"
            + " type_name = ?, chart_number = ?, patient_masked = ?, his_created_at = " + TIME + ", his_modified_at = "
            + TIME + ", digest = ?, indexed_at = " + TIME;

    @Resource(lookup = "java:jboss/datasources/MedsignDS")
    DataSource medsign;

    /**
     * Makes the index hold exactly {@code unsigned} for the HIS records whose (modified time, id) lies strictly
     * between {@code after} and {@code before}: rows of that range not in the list go (signed, deleted or moved).
     */
    public Reconciled reconcileRange(RecordKey after, RecordKey before, List<PendingEntry> unsigned) {
        try (Connection c = medsign.getConnection()) {
            Map<Long, Existing> inRange = new HashMap<>();
            // The plain BETWEEN lets the planner see the range without statistics (a fresh or truncated index):
            // without it, it walked the whole author index for every chunk and a full scan grew quadratic.
            try (PreparedStatement ps = c.prepareStatement("SELECT his_record_id, version, digest, his_modified_at"
                    + " FROM pending_record WHERE his_modified_at BETWEEN ? AND ? AND (his_modified_at, his_record_id) > (?, ?)"
                    + " AND (his_modified_at, his_record_id) < (?, ?)")) {
                bind(ps, at(after.at()), at(before.at()), at(after.at()), after.id(), at(before.at()), before.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inRange.put(rs.getLong(1), new Existing(rs.getInt(2), rs.getString(3),
                                rs.getObject(4, OffsetDateTime.class).toInstant()));
                    }
                }
            }
            Set<Long> keep = new HashSet<>();
            List<PendingEntry> changed = new ArrayList<>();
            List<PendingEntry> unknown = new ArrayList<>();
            for (PendingEntry e : unsigned) {
                keep.add(e.recordId());
                Existing old = inRange.get(e.recordId());
                if (old == null) {
                    unknown.add(e);
                } else if (!e.sameAs(old.version(), old.digest(), old.modifiedAt())) {
                    changed.add(e);
                }
            }
            List<Long> gone = inRange.keySet().stream().filter(id -> !keep.contains(id)).toList();
            int deleted = 0;
            if (!gone.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_record WHERE his_record_id = ?"
                        + " AND (his_modified_at, his_record_id) > (?, ?) AND (his_modified_at, his_record_id) < (?, ?)")) {
                    for (Long id : gone) {
                        bind(ps, id, at(after.at()), after.id(), at(before.at()), before.id());
                        ps.addBatch();
                    }
                    deleted = sum(ps.executeBatch());
                }
            }
            if (PendingUpsert.supported(c)) {
                changed.addAll(unknown);
                return PendingUpsert.write(c, changed, deleted);
            }
            Set<Long> elsewhere = existing(c, unknown.stream().map(PendingEntry::recordId).toList());
            List<PendingEntry> fresh = new ArrayList<>();
            for (PendingEntry e : unknown) {
                (elsewhere.contains(e.recordId()) ? changed : fresh).add(e);
            }
            int updated = update(c, changed, fresh);
            insert(c, fresh);
            return new Reconciled(fresh.size(), updated, deleted);
        } catch (SQLException e) {
            throw new IllegalStateException("pending index write failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** Applies changes seen in the HIS: {@code upserts} are unsigned in the window, {@code removals} are not. */
    public Reconciled apply(List<PendingEntry> upserts, Collection<Long> removals) {
        try (Connection c = medsign.getConnection()) {
            int deleted = 0;
            if (!removals.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM pending_record WHERE his_record_id = ?")) {
                    for (Long id : removals) {
                        ps.setLong(1, id);
                        ps.addBatch();
                    }
                    deleted = sum(ps.executeBatch());
                }
            }
            if (PendingUpsert.supported(c)) {
                return PendingUpsert.write(c, upserts, deleted);
            }
            Set<Long> known = existing(c, upserts.stream().map(PendingEntry::recordId).toList());
            List<PendingEntry> changed = upserts.stream().filter(e -> known.contains(e.recordId())).toList();
            List<PendingEntry> fresh = new ArrayList<>(upserts.stream().filter(e -> !known.contains(e.recordId())).toList());
            int updated = update(c, changed, fresh);
            insert(c, fresh);
            return new Reconciled(fresh.size(), updated, deleted);
        } catch (SQLException e) {
            throw new IllegalStateException("pending index write failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /** Replaces one author's rows with {@code unsigned} (refresh on demand). */
    public Reconciled replaceAuthor(String author, List<PendingEntry> unsigned) {
        Set<Long> keep = new HashSet<>();
        unsigned.forEach(e -> keep.add(e.recordId()));
        List<Long> gone = new ArrayList<>();
        try (Connection c = medsign.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT his_record_id FROM pending_record WHERE author = ?")) {
            ps.setString(1, author);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (!keep.contains(rs.getLong(1))) {
                        gone.add(rs.getLong(1));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("pending index read failed (SQL state " + e.getSQLState() + ")", e);
        }
        return apply(unsigned, gone);
    }

    /** Drops the rows that left the window (R1). */
    public int dropBefore(Instant windowStart) {
        try (Connection c = medsign.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM pending_record WHERE his_modified_at < ?")) {
            ps.setObject(1, at(windowStart));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("pending index write failed (SQL state " + e.getSQLState() + ")", e);
        }
    }

    /**
     * An IN list, not {@code = ANY (?)}: an array parameter gets a generic plan, which on an index without statistics
     * (fresh or truncated) was a sequential scan of 200 ms per chunk.
     */
    private static Set<Long> existing(Connection c, List<Long> ids) throws SQLException {
        Set<Long> found = new HashSet<>();
        for (int from = 0; from < ids.size(); from += 2000) {
            List<Long> part = ids.subList(from, Math.min(ids.size(), from + 2000));
            String marks = String.join(",", Collections.nCopies(part.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT his_record_id FROM pending_record WHERE his_record_id IN ("
                    + marks + ")")) {
                int i = 0;
                for (Long id : part) {
                    ps.setLong(++i, id);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.add(rs.getLong(1));
                    }
                }
            }
        }
        return found;
    }

    /** Updates rows; a row that vanished meanwhile (another chunk deleted it) is inserted instead. */
    private static int update(Connection c, List<PendingEntry> changed, List<PendingEntry> fresh) throws SQLException {
        if (changed.isEmpty()) {
            return 0;
        }
        String now = UtcTime.micros(Instant.now());
        int updated = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE pending_record SET " + COLUMNS + " WHERE his_record_id = ?")) {
            for (PendingEntry e : changed) {
                bindRows(ps, List.of(e), now);
                ps.addBatch();
            }
            int[] counts = ps.executeBatch();
            for (int i = 0; i < counts.length; i++) {
                if (counts[i] == 0) {
                    fresh.add(changed.get(i));
                } else {
                    updated++;
                }
            }
        }
        return updated;
    }

    /** Multi-row INSERTs; full-size ones share one prepared statement. */
    private static void insert(Connection c, List<PendingEntry> fresh) throws SQLException {
        String now = UtcTime.micros(Instant.now());
        int full = fresh.size() / ROWS_PER_INSERT * ROWS_PER_INSERT;
        if (full > 0) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(ROWS_PER_INSERT))) {
                for (int from = 0; from < full; from += ROWS_PER_INSERT) {
                    bindRows(ps, fresh.subList(from, from + ROWS_PER_INSERT), now);
                    ps.executeUpdate();
                }
            }
        }
        if (full < fresh.size()) {
            try (PreparedStatement ps = c.prepareStatement(insertSql(fresh.size() - full))) {
                bindRows(ps, fresh.subList(full, fresh.size()), now);
                ps.executeUpdate();
            }
        }
    }

    private static String insertSql(int rows) {
        String row = "(?,?,?,?,?,?,?,?," + TIME + "," + TIME + ",?," + TIME + ",?)";
        return "INSERT INTO pending_record (version, author, site_code, department, record_type, type_name, chart_number,"
                + " patient_masked, his_created_at, his_modified_at, digest, indexed_at, his_record_id) VALUES "
                + String.join(",", Collections.nCopies(rows, row));
    }

    /** The columns in INSERT order, which is also {@link #COLUMNS}' order followed by the id. */
    private static void bindRows(PreparedStatement ps, List<PendingEntry> rows, String now) throws SQLException {
        int i = 0;
        for (PendingEntry e : rows) {
            ps.setInt(++i, e.version());
            ps.setString(++i, e.author());
            ps.setString(++i, e.siteCode());
            ps.setString(++i, e.department());
            ps.setString(++i, e.recordType());
            ps.setString(++i, e.typeName());
            ps.setString(++i, e.chartNumber());
            ps.setString(++i, e.patientMasked());
            ps.setString(++i, UtcTime.micros(e.createdAt()));
            ps.setString(++i, UtcTime.micros(e.modifiedAt()));
            ps.setString(++i, e.digest());
            ps.setString(++i, now);
            ps.setLong(++i, e.recordId());
        }
    }

    private static void bind(PreparedStatement ps, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                ps.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                ps.setObject(i + 1, values[i]);
            }
        }
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static int sum(int[] counts) {
        int total = 0;
        for (int n : counts) {
            total += Math.max(n, 0);
        }
        return total;
    }

    private record Existing(int version, String digest, Instant modifiedAt) {
    }

    /** What one write did to the index. */
    public record Reconciled(int inserted, int updated, int deleted) {
    }
}
