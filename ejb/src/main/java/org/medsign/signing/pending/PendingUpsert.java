package org.medsign.signing.pending;

import org.medsign.his.UtcTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL's way to write index rows: one INSERT … SELECT FROM unnest(column arrays) ON CONFLICT DO UPDATE per
 * chunk, in place of a lookup of the existing ids, a multi-row INSERT and an UPDATE batch — the scan's largest cost
 * was PostgreSQL parsing and planning thousands of bound values. {@code signed_version} is never touched.
 */
final class PendingUpsert {

    private static final String SQL = "INSERT INTO pending_record (his_record_id, version, author, site_code, department,"
            + " record_type, type_name, chart_number, patient_masked, his_created_at, his_modified_at, digest, indexed_at)"
            + " SELECT u.id, u.version, u.author, u.site, u.department, u.type, u.type_name, u.chart, u.patient,"
            + " CAST(u.created AS TIMESTAMP WITH TIME ZONE), CAST(u.modified AS TIMESTAMP WITH TIME ZONE), u.digest,"
            + " CAST(? AS TIMESTAMP WITH TIME ZONE)"
            + " FROM unnest(?::bigint[], ?::integer[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])"
            + " AS u(id, version, author, site, department, type, type_name, chart, patient, created, modified, digest)"
            + " ON CONFLICT (his_record_id) DO UPDATE SET version = EXCLUDED.version, author = EXCLUDED.author,"
            + " site_code = EXCLUDED.site_code, department = EXCLUDED.department, record_type = EXCLUDED.record_type,"
            + " type_name = EXCLUDED.type_name, chart_number = EXCLUDED.chart_number,"
            + " patient_masked = EXCLUDED.patient_masked, his_created_at = EXCLUDED.his_created_at,"
            + " his_modified_at = EXCLUDED.his_modified_at, digest = EXCLUDED.digest, indexed_at = EXCLUDED.indexed_at"
            + " RETURNING (xmax = 0)";

    private PendingUpsert() {
    }

    static boolean supported(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL");
    }

    /** Inserts or updates every entry (the last one wins when an id comes twice); the counts of each. */
    static PendingIndexWriter.Reconciled write(Connection c, Collection<PendingEntry> entries, int deleted)
            throws SQLException {
        Map<Long, PendingEntry> byId = new LinkedHashMap<>();
        entries.forEach(e -> byId.put(e.recordId(), e));
        if (byId.isEmpty()) {
            return new PendingIndexWriter.Reconciled(0, 0, deleted);
        }
        List<PendingEntry> rows = List.copyOf(byId.values());
        int n = rows.size();
        Long[] ids = new Long[n];
        Integer[] versions = new Integer[n];
        String[][] text = new String[10][n];
        for (int i = 0; i < n; i++) {
            PendingEntry e = rows.get(i);
            ids[i] = e.recordId();
            versions[i] = e.version();
            text[0][i] = e.author();
            text[1][i] = e.siteCode();
            text[2][i] = e.department();
            text[3][i] = e.recordType();
            text[4][i] = e.typeName();
            text[5][i] = e.chartNumber();
            text[6][i] = e.patientMasked();
            text[7][i] = UtcTime.micros(e.createdAt());
            text[8][i] = UtcTime.micros(e.modifiedAt());
            text[9][i] = e.digest();
        }
        int inserted = 0;
        int updated = 0;
        try (PreparedStatement ps = c.prepareStatement(SQL)) {
            ps.setString(1, UtcTime.micros(Instant.now()));
            ps.setArray(2, c.createArrayOf("bigint", ids));
            ps.setArray(3, c.createArrayOf("integer", versions));
            for (int column = 0; column < text.length; column++) {
                ps.setArray(4 + column, c.createArrayOf("varchar", text[column]));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(1)) {
                        inserted++;
                    } else {
                        updated++;
                    }
                }
            }
        }
        return new PendingIndexWriter.Reconciled(inserted, updated, deleted);
    }
}
