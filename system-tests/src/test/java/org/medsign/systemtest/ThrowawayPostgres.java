package org.medsign.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL 15 of the test's own (initdb into /tmp, trust authentication, loopback only) that a test may stop
 * and start again: the machine's PostgreSQL on 5432 is the CI's and is never restarted. As root, it runs as the
 * {@code postgres} user (PostgreSQL refuses root).
 */
public final class ThrowawayPostgres implements AutoCloseable {

    private static final Path BIN = Path.of(System.getProperty("medsign.postgres.bin", "/usr/lib/postgresql/15/bin"));

    private final int port;
    private final Path data;
    private final boolean asPostgres;

    private ThrowawayPostgres(int port) {
        this.port = port;
        this.data = Path.of(System.getProperty("java.io.tmpdir"), "medsign-it-postgres-" + port);
        this.asPostgres = "root".equals(System.getProperty("user.name"));
    }

    /** Why there can be none here, or empty when there can: for an assumption's message. */
    public static Optional<String> unavailable() {
        if (!Files.isExecutable(BIN.resolve("initdb")) || !Files.isExecutable(BIN.resolve("pg_ctl"))) {
            return Optional.of("no PostgreSQL 15 initdb/pg_ctl in " + BIN + " (-Dmedsign.postgres.bin=…) to run a"
                    + " database the test may restart");
        }
        if ("root".equals(System.getProperty("user.name")) && !postgresUser()) {
            return Optional.of("running as root, and there is no postgres user to run PostgreSQL as");
        }
        return Optional.empty();
    }

    private static boolean postgresUser() {
        try (var lines = Files.lines(Path.of("/etc/passwd"))) {
            return lines.anyMatch(line -> line.startsWith("postgres:"));
        } catch (IOException e) {
            return false;
        }
    }

    /** A fresh cluster on {@code port}, started (what a killed earlier run left there is stopped and removed). */
    public static ThrowawayPostgres start(int port) {
        ThrowawayPostgres postgres = new ThrowawayPostgres(port);
        postgres.remove();
        try {
            Files.createDirectories(postgres.data);
            if (postgres.asPostgres) {
                run(List.of("chown", "postgres:postgres", postgres.data.toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        postgres.pg(BIN.resolve("initdb").toString(), "-D", postgres.data.toString(), "-A", "trust", "-U", "postgres",
                "-E", "UTF8", "--locale=C", "--no-sync");
        postgres.begin();
        return postgres;
    }

    /** The administrator's connection, as {@link TestDatabase#localPostgres()} gives the run's own. */
    public TestDatabase admin() {
        return new TestDatabase("PostgreSQL", "jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "postgres");
    }

    public int port() {
        return port;
    }

    /** Shuts it down as an operator's restart does (fast: open connections are ended, transactions rolled back). */
    public void stop() {
        pg(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop");
    }

    /** Starts it again on the same data. */
    public void begin() {
        pg(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolve("server.log").toString(),
                "-o", "-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200",
                "-w", "start");
    }

    @Override
    public void close() {
        remove();
    }

    private void remove() {
        try {
            if (Files.exists(data.resolve("postmaster.pid"))) {
                pg(BIN.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
            }
            MedsignServer.deleteTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void pg(String... command) {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(command));
        run(line);
    }

    private static void run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
