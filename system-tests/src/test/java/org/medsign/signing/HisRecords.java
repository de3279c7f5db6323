package org.medsign.signing;

import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.TestDatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Fresh records in the HIS stand-in for the signing tests and benchmark, whatever other tests signed before. */
public final class HisRecords {

    private HisRecords() {
    }

    /** {@code count} records of the author made an hour ago, so they are pending and in the window; the first id. */
    public static long add(MedsignServer server, String author, int count) throws Exception {
        return add(server, author, count, 1);
    }

    /** {@code count} records of the author made {@code hoursAgo} hours ago (past 24: overdue); the first id. */
    public static long add(MedsignServer server, String author, int count, int hoursAgo) throws Exception {
        return add(server.his(), author, count, hoursAgo);
    }

    /** The same in the HIS stand-in's database {@code his} (a cluster's, for one). */
    public static long add(TestDatabase his, String author, int count, int hoursAgo) throws Exception {
        try (Connection c = his.connect(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT (SELECT COALESCE(MAX(id), 0) + 1 FROM his_record),"
                    + " (SELECT chart_number FROM his_patient ORDER BY chart_number FETCH FIRST 1 ROWS ONLY)");
            rs.next();
            long first = rs.getLong(1);
            String chart = rs.getString(2);
            c.setAutoCommit(false);
            OffsetDateTime made = OffsetDateTime.now(ZoneOffset.UTC).minusHours(hoursAgo);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO his_record (id, chart_number, record_type, author,"
                    + " site_code, department, created_at, modified_at, version, content, changed_at)"
                    + " VALUES (?, ?, 'NURSING', ?, 'T0', 'NUR', ?, ?, 1, ?, ?)")) {
                for (int i = 0; i < count; i++) {
                    ps.setLong(1, first + i);
                    ps.setString(2, chart);
                    ps.setString(3, author);
                    ps.setObject(4, made);
                    // a millisecond apart, so that even the benchmark's many thousands stay in the past
                    ps.setObject(5, made.plusNanos(i * 1_000_000L));
                    ps.setString(6, "護理紀錄第 " + i + " 則：病人意識清楚，生命徵象穩定，持續觀察。");
                    ps.setObject(7, made.plusNanos(i * 1_000_000L));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            c.commit();
            return first;
        }
    }
}
