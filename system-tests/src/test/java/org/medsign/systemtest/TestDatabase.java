package org.medsign.systemtest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Chooses the database of a test run: the one in MEDSIGN_DB_URL (CI creates it fresh), else a fresh
 * {@code medsign_it} database on the PostgreSQL that answers on 127.0.0.1:5432, else embedded H2.
 * {@code -Dmedsign.test.db=h2} forces H2. The choice is printed, so every run says what it tested.
 */
public record TestDatabase(String kind, String url, String user, String password) {

    static final String IT_DATABASE = "medsign_it";
    static final String HIS_DATABASE = "medsign_his_it";

    public boolean postgres() {
        return "PostgreSQL".equals(kind);
    }

    public static TestDatabase choose() {
        String forced = System.getProperty("medsign.test.db", "auto");
        String url = System.getenv("MEDSIGN_DB_URL");
        String user = System.getenv().getOrDefault("MEDSIGN_DB_USER", "postgres");
        String password = System.getenv().getOrDefault("MEDSIGN_DB_PASSWORD", "postgres");
        if ("h2".equals(forced)) {
            return h2();
        }
        if (url != null && !url.isBlank()) {
            return new TestDatabase(url.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2", url, user, password);
        }
        if (answers("127.0.0.1", 5432)) {
            return freshPostgres(user, password);
        }
        if ("postgresql".equals(forced)) {
            throw new IllegalStateException("-Dmedsign.test.db=postgresql but nothing answers on 127.0.0.1:5432");
        }
        return h2();
    }

    /**
     * The run's PostgreSQL on 127.0.0.1:5432 with its credentials (database {@code postgres}), when the run uses one
     * there; nothing is created or dropped. The cluster's tests make their own databases on it.
     */
    public static java.util.Optional<TestDatabase> localPostgres() {
        String url = System.getenv("MEDSIGN_DB_URL");
        boolean local = !"h2".equals(System.getProperty("medsign.test.db", "auto"))
                && (url != null && !url.isBlank() ? url.startsWith("jdbc:postgresql://127.0.0.1:5432/") : answers("127.0.0.1", 5432));
        return local ? java.util.Optional.of(new TestDatabase("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/postgres",
                System.getenv().getOrDefault("MEDSIGN_DB_USER", "postgres"),
                System.getenv().getOrDefault("MEDSIGN_DB_PASSWORD", "postgres"))) : java.util.Optional.empty();
    }

    /**
     * The HIS stand-in's database beside this one: MEDSIGN_HIS_DB_URL when set (CI creates it fresh), else a fresh
     * {@code medsign_his_it} on the same PostgreSQL, else embedded H2.
     */
    public TestDatabase his() {
        String hisUrl = System.getenv("MEDSIGN_HIS_DB_URL");
        if (hisUrl != null && !hisUrl.isBlank()) {
            return new TestDatabase(hisUrl.startsWith("jdbc:postgresql:") ? "PostgreSQL" : "H2", hisUrl,
                    System.getenv().getOrDefault("MEDSIGN_HIS_DB_USER", user),
                    System.getenv().getOrDefault("MEDSIGN_HIS_DB_PASSWORD", password));
        }
        if (!postgres() || !url.startsWith("jdbc:postgresql://127.0.0.1:5432/")) {
            return h2();
        }
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + HIS_DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + HIS_DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + HIS_DATABASE + " as " + user, e);
        }
        return new TestDatabase("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/" + HIS_DATABASE, user, password);
    }

    private static TestDatabase h2() {
        return new TestDatabase("H2", null, null, null);
    }

    private static TestDatabase freshPostgres(String user, String password) {
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        try (Connection c = DriverManager.getConnection(admin, user, password); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + IT_DATABASE + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + IT_DATABASE);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL answers on 127.0.0.1:5432 but cannot create " + IT_DATABASE
                    + " as " + user + " (set MEDSIGN_DB_URL/USER/PASSWORD, or -Dmedsign.test.db=h2)", e);
        }
        return new TestDatabase("PostgreSQL", "jdbc:postgresql://127.0.0.1:5432/" + IT_DATABASE, user, password);
    }

    private static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A direct connection, for tests that check what the server wrote (or did not write). */
    public Connection connect() throws SQLException {
        if (!postgres()) {
            throw new IllegalStateException("Direct SQL checks need PostgreSQL; this run uses H2 inside the server");
        }
        return DriverManager.getConnection(url, user, password);
    }

    /**
     * Gathers the planner's statistics, as autovacuum does after a bulk load; this machine's PostgreSQL runs without
     * autovacuum (conf.d/90-ci.conf), so a benchmark's tables would otherwise keep the plans of empty ones. H2: nothing.
     */
    public void analyze() throws SQLException {
        if (postgres()) {
            try (Connection c = connect(); Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
        }
    }

    @Override
    public String toString() {
        return postgres() ? "PostgreSQL " + url : "H2 (embedded file database in the server's data directory)";
    }
}
