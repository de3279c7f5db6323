package org.medsign.his;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The only way into the HIS. Reads are keyset walks (never OFFSET) so millions of rows stay cheap.
 * <p>
 * HisDS is a non-JTA datasource on purpose: the scan reads the HIS inside chunk transactions that write the
 * medsign database, and two local-transaction datasources in one JTA transaction fail (IJ000461). Reads need no
 * transaction; the single write-back ({@link #markSigned}) commits in the HIS's own local transaction and is
 * idempotent, so whoever calls it can repeat it after a failure instead of needing XA.
 * <p>
 * Any SQL failure becomes MS-6001 (HIS unavailable) without the SQL text, which could hold personal data.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class HisGateway {

    private static final Logger LOG = Logger.getLogger(HisGateway.class.getName());
    private static final String COLUMNS = "SELECT r.id, r.chart_number, p.name, r.record_type, t.name_zh, r.author,"
            + " r.site_code, r.department, r.created_at, r.modified_at, r.version, r.content, r.signed_version,"
            + " r.changed_at FROM his_record r LEFT JOIN his_patient p ON p.chart_number = r.chart_number"
            + " LEFT JOIN his_record_type t ON t.code = r.record_type ";
    private static final String UNSIGNED = "(r.signed_version IS NULL OR r.signed_version <> r.version)";

    @Resource(lookup = "java:jboss/datasources/HisDS")
    DataSource his;

    /** Unsigned records modified in [after, until), in (modified time, id) order: the full scan's walk. */
    public List<HisRow> unsignedModified(RecordKey after, Instant until, int limit) {
        return query(COLUMNS + "WHERE r.modified_at >= ? AND r.modified_at < ? AND (r.modified_at, r.id) > (?, ?) AND "
                + UNSIGNED + " ORDER BY r.modified_at, r.id FETCH FIRST ? ROWS ONLY", after.at(), until, after.at(), after.id(),
                limit);
    }

    /** Every record whose row changed after the key, in (changed time, id) order: the incremental walk. */
    public List<HisRow> changedAfter(RecordKey after, int limit) {
        return query(COLUMNS + "WHERE r.changed_at >= ? AND (r.changed_at, r.id) > (?, ?) ORDER BY r.changed_at, r.id"
                + " FETCH FIRST ? ROWS ONLY", after.at(), after.at(), after.id(), limit);
    }

    /** One author's unsigned records modified since {@code from}, newest first (refresh on demand, M24). */
    public List<HisRow> unsignedOf(String author, Instant from, int limit) {
        return query(COLUMNS + "WHERE r.author = ? AND r.modified_at >= ? AND " + UNSIGNED
                + " ORDER BY r.modified_at DESC, r.id DESC FETCH FIRST ? ROWS ONLY", author, from, limit);
    }

    /** One record as the HIS holds it now, checked; MS-6007 when it is malformed. */
    public Optional<HisRecord> record(long id) {
        List<HisRow> rows = query(COLUMNS + "WHERE r.id = ?", id);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(HisRecord.of(rows.get(0)));
        } catch (MalformedHisRecordException e) {
            throw new MedsignException(ErrorCode.HIS_RECORD_MALFORMED, id);
        }
    }

    /** The current version of one record with its canonical bytes and their SHA-256 digest (what gets signed). */
    public Optional<CanonicalRecord> canonical(long id) {
        return record(id).map(HisRecord::canonical);
    }

    /** Several records at once (a signing batch), as the HIS holds them now; malformed ones are left out. */
    public Map<Long, HisRecord> records(Collection<Long> ids) {
        Map<Long, HisRecord> records = new HashMap<>();
        if (ids.isEmpty()) {
            return records;
        }
        for (HisRow row : query(COLUMNS + "WHERE r.id = ANY (?)", (Object) ids.toArray(Long[]::new))) {
            try {
                records.put(row.id(), HisRecord.of(row));
            } catch (MalformedHisRecordException e) {
                LOG.warning(e.getMessage());
            }
        }
        return records;
    }

    /**
     * Writes back that these record versions are signed, in one local transaction of the HIS. Idempotent: a version
     * already marked signed answers {@link SignedMark#ALREADY_SIGNED}; a version no longer current answers
     * {@link SignedMark#STALE_VERSION} and changes nothing; a record of another author {@link SignedMark#NOT_FOUND}.
     */
    public Map<Long, SignedMark> markSigned(List<SignedRecord> signed) {
        Map<Long, SignedMark> marks = new HashMap<>();
        if (signed.isEmpty()) {
            return marks;
        }
        Instant now = Instant.now();
        try (Connection c = his.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement update = c.prepareStatement("UPDATE his_record SET signed_version = version,"
                    + " signed_at = ?, signed_by = ?, signature_ref = ?, changed_at = ? WHERE id = ? AND version = ?"
                    + " AND author = ? AND (signed_version IS NULL OR signed_version <> version)")) {
                for (SignedRecord r : signed) {
                    bind(update, r.signedAt(), r.signer(), r.signatureRef(), now, r.recordId(), r.version(), r.signer());
                    update.addBatch();
                }
                int[] counts = update.executeBatch();
                c.commit();
                for (int i = 0; i < counts.length; i++) {
                    if (counts[i] == 1) {
                        marks.put(signed.get(i).recordId(), SignedMark.MARKED);
                    }
                }
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
            List<SignedRecord> unmarked = signed.stream().filter(r -> !marks.containsKey(r.recordId())).toList();
            if (!unmarked.isEmpty()) {
                marks.putAll(whyNot(c, unmarked));
            }
            return marks;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Why these versions were not marked: read in one query (a retry after a crash may bring a whole batch). */
    private static Map<Long, SignedMark> whyNot(Connection c, List<SignedRecord> unmarked) throws SQLException {
        Map<Long, SignedMark> marks = new HashMap<>();
        unmarked.forEach(r -> marks.put(r.recordId(), SignedMark.NOT_FOUND));
        try (PreparedStatement check = c.prepareStatement("SELECT id, version, author FROM his_record WHERE id = ANY (?)")) {
            check.setArray(1, c.createArrayOf("BIGINT", unmarked.stream().map(SignedRecord::recordId).toArray(Long[]::new)));
            Map<Long, SignedRecord> byId = new HashMap<>();
            unmarked.forEach(r -> byId.put(r.recordId(), r));
            try (ResultSet rs = check.executeQuery()) {
                while (rs.next()) {
                    SignedRecord r = byId.get(rs.getLong(1));
                    if (r.signer().equals(rs.getString(3))) {
                        marks.put(r.recordId(), rs.getInt(2) != r.version() ? SignedMark.STALE_VERSION : SignedMark.ALREADY_SIGNED);
                    }
                }
            }
        }
        return marks;
    }

    private List<HisRow> query(String sql, Object... parameters) {
        try (Connection c = his.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bindArrays(c, parameters);
            bind(ps, parameters);
            List<HisRow> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new HisRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9),
                            instant(rs, 10), rs.getInt(11), rs.getString(12), (Integer) rs.getObject(13, Integer.class),
                            instant(rs, 14)));
                }
            }
            return rows;
        } catch (SQLException e) {
            throw unavailable(e);
        }
    }

    /** Long[] parameters become SQL arrays (for {@code = ANY (?)}), which PostgreSQL and H2 both take. */
    private static void bindArrays(Connection c, Object[] parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] instanceof Long[] values) {
                parameters[i] = c.createArrayOf("BIGINT", values);
            }
        }
    }

    static void bind(PreparedStatement ps, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            Object p = parameters[i];
            if (p instanceof Instant instant) {
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, p);
            }
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static MedsignException unavailable(SQLException e) {
        LOG.log(Level.WARNING, "HIS unavailable: SQL state {0}, error {1}", new Object[]{e.getSQLState(), e.getErrorCode()});
        return new MedsignException(ErrorCode.HIS_UNAVAILABLE);
    }

    /** A record version signed in medsign, to be written back to the HIS. */
    public record SignedRecord(long recordId, int version, String signer, String signatureRef, Instant signedAt) {
    }

    /** What {@link #markSigned} did. */
    public enum SignedMark { MARKED, ALREADY_SIGNED, STALE_VERSION, NOT_FOUND }
}
