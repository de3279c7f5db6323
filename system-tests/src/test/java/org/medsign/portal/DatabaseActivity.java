package org.medsign.portal;

import org.medsign.systemtest.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the server asked of PostgreSQL in a stretch, from its statistics views: transactions committed and table reads
 * (index scans plus sequential scans of medsign's tables; a query reading two tables counts two). The statement count
 * itself needs pg_stat_statements, which this machine's PostgreSQL does not load; the reads say as much for "what
 * each page reads".
 */
final class DatabaseActivity {

    /** Counters at one moment. */
    record Counters(long commits, long indexScans, long sequentialScans) {

        Counters minus(Counters earlier) {
            return new Counters(commits - earlier.commits, indexScans - earlier.indexScans,
                    sequentialScans - earlier.sequentialScans);
        }
    }

    private final TestDatabase database;

    DatabaseActivity(TestDatabase database) {
        this.database = database;
    }

    Counters read() throws SQLException, InterruptedException {
        // backends report their counters when idle, at most once a second (PostgreSQL 15+): let them
        Thread.sleep(1500);
        try (Connection c = database.connect(); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
            long commits;
            try (ResultSet rs = st.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                rs.next();
                commits = rs.getLong(1);
            }
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(idx_scan), 0), COALESCE(SUM(seq_scan), 0)"
                    + " FROM pg_stat_user_tables")) {
                rs.next();
                return new Counters(commits, rs.getLong(1), rs.getLong(2));
            }
        }
    }
}
