package org.medsign.dev.his;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills the HIS stand-in with realistic records, deterministically: the same settings (seed, sizes and the
 * {@code until} instant) give the same rows. Appends after the highest record id, so it can add to a filled HIS.
 * Multi-row INSERTs in large transactions keep millions of rows practical on PostgreSQL and H2 alike; with
 * {@code rebuildIndexes} the walk indexes are dropped during the load and built once after it.
 */
public final class HisGenerator {

    private static final String[] INDEXES = {
        "CREATE INDEX his_record_modified ON his_record (modified_at, id)",
        "CREATE INDEX his_record_changed ON his_record (changed_at, id)",
        "CREATE INDEX his_record_author ON his_record (author, modified_at)"};
    private static final int ROWS_PER_INSERT = 100;
    private static final int ROWS_PER_COMMIT = 50_000;
    private static final String[] NURSE_TYPES = {"NURSING", "NURSING", "NURSING", "NURSING", "TRANSFER", "HOME_CARE_ORDER",
        "ADMISSION", "NURSING"};
    private static final String[] PHYSICIAN_TYPES = {"PROGRESS", "PROGRESS", "ORDER", "ORDER", "DISCHARGE",
        "HOME_CARE_ORDER", "ADMISSION", "PROGRESS"};

    /** How much to generate: {@code staff} authors (the demo's N0001–N0003, D0001 first), {@code records} rows. */
    public record Settings(long seed, int staff, long records, int months, Instant until, boolean rebuildIndexes) {
    }

    /** One author of records. */
    public record Author(String employeeNumber, boolean physician, String site, String department) {
    }

    public record Result(long patients, long records, long firstId, Duration took) {
    }

    public static List<Author> authors(int count) {
        List<Author> authors = new ArrayList<>(List.of(new Author("N0001", false, "T0", "NUR"),
                new Author("N0002", false, "T0", "EMR"), new Author("N0003", false, "T1", "ONC"),
                new Author("D0001", true, "T0", "MED")));
        int nurses = 3;
        int physicians = 1;
        for (int i = authors.size(); i < count; i++) {
            boolean physician = i % 4 == 3;
            boolean branch = i % 5 == 2;
            String number = physician ? String.format("D%04d", ++physicians) : String.format("N%04d", ++nurses);
            String department = branch ? "ONC" : physician ? "MED" : (i % 2 == 0 ? "NUR" : "EMR");
            authors.add(new Author(number, physician, branch ? "T1" : "T0", department));
        }
        return authors.subList(0, Math.max(1, count));
    }

    public Result generate(Connection c, Settings s) throws SQLException {
        long start = System.nanoTime();
        boolean autoCommit = c.getAutoCommit();
        c.setAutoCommit(false);
        try {
            if (c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
                try (Statement st = c.createStatement()) {
                    st.execute("SET synchronous_commit TO off");
                }
            }
            List<String> charts = patients(c, s);
            long firstId = scalar(c, "SELECT COALESCE(MAX(id), 0) FROM his_record") + 1;
            if (s.rebuildIndexes()) {
                ddl(c, "DROP INDEX IF EXISTS his_record_modified", "DROP INDEX IF EXISTS his_record_changed",
                        "DROP INDEX IF EXISTS his_record_author");
            }
            records(c, s, charts, firstId);
            if (s.rebuildIndexes()) {
                ddl(c, INDEXES);
            }
            if (c.getMetaData().getDatabaseProductName().startsWith("PostgreSQL")) {
                ddl(c, "ANALYZE his_record", "ANALYZE his_patient");
            }
            c.commit();
            return new Result(charts.size(), s.records(), firstId, Duration.ofNanos(System.nanoTime() - start));
        } finally {
            c.setAutoCommit(autoCommit);
        }
    }

    private List<String> patients(Connection c, Settings s) throws SQLException {
        List<String> charts = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT chart_number FROM his_patient ORDER BY chart_number")) {
            while (rs.next()) {
                charts.add(rs.getString(1));
            }
        }
        if (!charts.isEmpty()) {
            return charts;
        }
        int count = (int) Math.max(200, Math.min(500_000, s.records() / 20));
        SplittableRandom random = new SplittableRandom(s.seed());
        try (Batch insert = new Batch(c, "INSERT INTO his_patient (chart_number, name, sex, birth_date) VALUES ", 4)) {
            for (int i = 0; i < count; i++) {
                String chart = String.valueOf(1_000_000 + (i * 7919L) % 9_000_000);
                charts.add(chart);
                insert.add(chart, HisContent.patientName(random), random.nextBoolean() ? "F" : "M",
                        LocalDate.of(1930 + random.nextInt(90), 1 + random.nextInt(12), 1 + random.nextInt(28)));
            }
        }
        return charts;
    }

    private void records(Connection c, Settings s, List<String> charts, long firstId) throws SQLException {
        List<Author> authors = authors(s.staff());
        Instant until = s.until().truncatedTo(ChronoUnit.SECONDS);
        long span = Duration.between(until.atOffset(ZoneOffset.UTC).minusMonths(s.months()).toInstant(), until).getSeconds();
        try (Batch insert = new Batch(c, "INSERT INTO his_record (id, chart_number, record_type, author, site_code, department,"
                + " created_at, modified_at, version, content, signed_version, signed_at, signed_by, signature_ref, changed_at)"
                + " VALUES ", 15)) {
            for (long n = 0; n < s.records(); n++) {
                long id = firstId + n;
                SplittableRandom r = new SplittableRandom(s.seed() * 0x9E3779B97F4A7C15L + id);
                Author author = authors.get(r.nextInt(authors.size()));
                String type = HisContent.pick(r, author.physician() ? PHYSICIAN_TYPES : NURSE_TYPES);
                Instant created = createdAt(until, span, n, s.records(), r);
                int version = r.nextInt(100) < 12 ? 2 + r.nextInt(2) : 1;
                Instant modified = version == 1 ? created : min(created.plusSeconds(1800 + r.nextLong(4 * 86_400)), until);
                long ageHours = Duration.between(modified, until).toHours();
                int unsignedPercent = ageHours < 24 ? 70 : ageHours < 24 * 7 ? 25 : ageHours < 24 * 62 ? 15 : 5;
                Integer signedVersion = null;
                Instant signedAt = null;
                if (r.nextInt(100) >= unsignedPercent) {
                    signedVersion = version;
                    signedAt = min(modified.plusSeconds(600 + r.nextLong(20 * 3600)), until);
                } else if (version > 1 && r.nextBoolean()) {
                    signedVersion = version - 1;
                    signedAt = min(created.plusSeconds(600), modified);
                }
                Instant changed = signedAt != null && signedAt.isAfter(modified) ? signedAt : modified;
                insert.add(id, charts.get(r.nextInt(charts.size())), type, author.employeeNumber(), author.site(),
                        author.department(), created, modified, version, HisContent.text(type, r, version), signedVersion,
                        signedAt, signedVersion == null ? null : author.employeeNumber(),
                        signedVersion == null ? null : "HIS-CARD", changed);
                if ((n + 1) % ROWS_PER_COMMIT == 0) {
                    insert.flush();
                    c.commit();
                }
            }
        }
    }

    /**
     * The n-th of {@code count} records is made in the n-th slice of the span, at a random second in it: ids grow with
     * creation time as a HIS's sequence hands them out, so the table's physical order follows time as in a real HIS.
     */
    static Instant createdAt(Instant until, long span, long n, long count, SplittableRandom r) {
        double slice = (double) span / count;
        long offset = (long) ((n + r.nextDouble()) * slice);
        return until.minusSeconds(span).plusSeconds(Math.min(span - 1, offset));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static long scalar(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void ddl(Connection c, String... statements) throws SQLException {
        try (Statement st = c.createStatement()) {
            for (String sql : statements) {
                st.execute(sql);
            }
        }
    }

    /** Rows gathered into multi-row INSERT statements of {@value #ROWS_PER_INSERT} rows. */
    private static final class Batch implements AutoCloseable {
        private final Connection connection;
        private final String head;
        private final int columns;
        private final List<Object[]> rows = new ArrayList<>();
        private PreparedStatement full;

        Batch(Connection connection, String head, int columns) {
            this.connection = connection;
            this.head = head;
            this.columns = columns;
        }

        void add(Object... row) throws SQLException {
            rows.add(row);
            if (rows.size() == ROWS_PER_INSERT) {
                if (full == null) {
                    full = connection.prepareStatement(sql(ROWS_PER_INSERT));
                }
                execute(full);
            }
        }

        void flush() throws SQLException {
            if (!rows.isEmpty()) {
                try (PreparedStatement ps = connection.prepareStatement(sql(rows.size()))) {
                    execute(ps);
                }
            }
        }

        private void execute(PreparedStatement ps) throws SQLException {
            int i = 0;
            for (Object[] row : rows) {
                for (Object value : row) {
                    if (value instanceof Instant instant) {
                        ps.setObject(++i, instant.atOffset(ZoneOffset.UTC));
                    } else {
                        ps.setObject(++i, value);
                    }
                }
            }
            ps.executeUpdate();
            rows.clear();
        }

        private String sql(int count) {
            String one = "(" + "?,".repeat(columns - 1) + "?)";
            return head + String.join(",", java.util.Collections.nCopies(count, one));
        }

        @Override
        public void close() throws SQLException {
            flush();
            if (full != null) {
                full.close();
            }
        }
    }
}
