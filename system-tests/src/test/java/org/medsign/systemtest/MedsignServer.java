package org.medsign.systemtest;

import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The provisioned WildFly (wildfly-config/target/server) started once per test run through the same launcher
 * README's start command uses, with its own base directory and a port offset of 100, and the demo EAR deployed.
 * Tests can kill it (kill -9) and start it again to prove crash safety.
 */
public final class MedsignServer implements ExtensionContext.Store.CloseableResource, AutoCloseable, Deployment {

    /** 100 by default; MEDSIGN_TEST_PORT_OFFSET lets two test runs share a machine. */
    public static final int PORT_OFFSET = Integer.parseInt(System.getenv().getOrDefault("MEDSIGN_TEST_PORT_OFFSET", "100"));
    /** Where the test server's pages look for the card agent; tests start theirs there (not on the default 17380). */
    public static final int CARD_AGENT_PORT = 17380 + PORT_OFFSET;
    public static final int HTTP_PORT = 8080 + PORT_OFFSET;
    public static final int HTTPS_PORT = 8443 + PORT_OFFSET;
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);

    private final TestDatabase database;
    private final TestDatabase his;
    private final Path home = Path.of(System.getProperty("medsign.server.home"));
    private final Path work = Path.of(System.getProperty("medsign.work.dir"));
    private final Path base = work.resolve("standalone");
    private Process process;

    private MedsignServer(TestDatabase database) {
        this.database = database;
        this.his = database.his();
    }

    static MedsignServer startOnce() {
        TestDatabase database = TestDatabase.choose();
        System.out.println("[medsign system tests] database: " + database);
        TestMail.start();
        MedsignServer server = new MedsignServer(database);
        System.out.println("[medsign system tests] HIS database: " + server.his);
        server.prepareBaseDirectory();
        server.start();
        return server;
    }

    /** A server for a benchmark run outside JUnit; close it when done. */
    public static MedsignServer startForBenchmark() {
        return startOnce();
    }

    /** HTTPS, as browsers and phones reach the server; the certificate chains to {@link DevTls#caPem()}. */
    @Override
    public URI url(String path) {
        return URI.create("https://localhost:" + HTTPS_PORT + "/medsign/" + path.replaceFirst("^/", ""));
    }

    /** The same path over plain HTTP: only the PKI answers there; pages redirect and the API refuses. */
    public URI plainHttpUrl(String path) {
        return URI.create("http://localhost:" + HTTP_PORT + "/medsign/" + path.replaceFirst("^/", ""));
    }

    public URI baseUrl() {
        return url("");
    }

    @Override
    public TestDatabase database() {
        return database;
    }

    /** The HIS stand-in's database (PostgreSQL when the run uses it, so tests can change HIS records). */
    @Override
    public TestDatabase his() {
        return his;
    }

    public Path logDirectory() {
        return base.resolve("log");
    }

    private void prepareBaseDirectory() {
        try {
            deleteTree(base);
            deleteTree(offlineRoot().getParent());
            Files.createDirectories(base.resolve("deployments"));
            copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
            Files.copy(Path.of(System.getProperty("medsign.ear")), base.resolve("deployments/medsign.ear"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void start() {
        ProcessBuilder builder = new ProcessBuilder(List.of("bash", System.getProperty("medsign.launcher"),
                "-Djboss.server.base.dir=" + base))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("server-console.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("MEDSIGN_SERVER_HOME", home.toString());
        env.put("MEDSIGN_PORT_OFFSET", String.valueOf(PORT_OFFSET));
        env.put("JBOSS_PIDFILE", base.resolve("server.pid").toString());
        testSettings(env, database, his);
        try {
            Files.deleteIfExists(base.resolve("deployments/medsign.ear.failed"));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitHealthy();
    }

    /** The development root's custodian file of the test run (see {@code org.medsign.dev.rootca.OfflineRoot}). */
    public static Path offlineRoot() {
        return Path.of(System.getProperty("medsign.work.dir"), "offline-root", "root.p12");
    }

    /** What every test server runs with, a single node or a cluster's: demo data, databases, mail, schedules. */
    static void testSettings(Map<String, String> env, TestDatabase database, TestDatabase his) {
        env.put("MEDSIGN_DEMO_DATA", "true");
        env.put("MEDSIGN_PORTAL_PASSWORD_LOGIN", "true");
        // The test client stands behind a "hospital proxy" at 127.0.0.1 that forwards phone addresses (M19).
        env.put("MEDSIGN_INTRANET_CIDRS", "10.0.0.0/8");
        env.put("MEDSIGN_INTRANET_TRUSTED_PROXIES", "127.0.0.1/32");
        env.put("MEDSIGN_CARD_AGENT_URL", "http://127.0.0.1:" + CARD_AGENT_PORT);
        env.remove("MEDSIGN_DB_URL");
        if (database.postgres()) {
            env.put("MEDSIGN_DB_URL", database.url());
            env.put("MEDSIGN_DB_USER", database.user());
            env.put("MEDSIGN_DB_PASSWORD", database.password());
    }
    env.remove("MEDSIGN_HIS_DB_URL");
    if (his.postgres()) {
        env.put("MEDSIGN_HIS_DB_URL", his.url());
        env.put("MEDSIGN_HIS_DB_USER", his.user());
        env.put("MEDSIGN_HIS_DB_PASSWORD", his.password());
    }
    // The development root's key goes to an "offline custodian" file outside the key directory, so CaRolloverIT can
    // play the hospital's offline root (never set in production: there the root's key never reaches medsign).
    env.put("MEDSIGN_DEV_OFFLINE_ROOT", offlineRoot().toString());
    // The hospital in the tests signs overdue records with its institution certificate (off by default).
    env.put("MEDSIGN_INSTITUTION_SIGNING", "true");
    env.put("MEDSIGN_SMTP_HOST", "127.0.0.1");
    env.put("MEDSIGN_SMTP_PORT", String.valueOf(TestMail.PORT));
    // Jobs run when a test starts them; only the nightly full scan keeps its timer (the schedule is tested).
    env.put("MEDSIGN_JOBS_UNSIGNED_SCAN_SCHEDULE", "off");
    env.put("MEDSIGN_JOBS_SIGNING_DEADLINE_SCHEDULE", "off");
    env.put("MEDSIGN_JOBS_SIGNING_REMINDERS_SCHEDULE", "off");
    env.put("MEDSIGN_JOBS_CREDENTIAL_UPKEEP_SCHEDULE", "off");
    env.put("MEDSIGN_JOBS_LONG_TERM_EVIDENCE_SCHEDULE", "off");
    env.put("MEDSIGN_JOBS_HIS_WRITE_BACK_SCHEDULE", "off");
    // Long-term evidence is taken 2 s after a signature's timestamp, so that a test need not wait an hour.
    env.put("MEDSIGN_EVIDENCE_REVOCATION_GRACE", "PT2S");
    // every archive timestamp is within ten years of its TSA certificate's end: renewed once the TSA has rolled over
    env.put("MEDSIGN_EVIDENCE_RENEW_BEFORE", "P3650D");
    env.put("MEDSIGN_JOBS_CATCH_UP_SECONDS", "-1");
    env.put("MEDSIGN_MONITORING_WATCH_SECONDS", "5"); // JMX alerts within seconds, not a minute
    }

    private void awaitHealthy() {
        HttpClient http = DevTls.httpClient();
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(base.resolve("deployments/medsign.ear.failed")) || !process.isAlive()) {
                throw new IllegalStateException("medsign did not deploy; see " + logDirectory().resolve("server.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(url("api/v1/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(500);
        }
        throw new IllegalStateException("medsign not healthy after " + BOOT_TIMEOUT);
    }

    /** The server JVM's process id. */
    public long pid() {
        try {
            return Long.parseLong(Files.readString(base.resolve("server.pid")).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a diagnostic command in the server's JVM (e.g. {@code JFR.start}), waiting for it; its output is dropped. */
    public void jcmd(String... command) throws IOException, InterruptedException {
        List<String> line = new java.util.ArrayList<>(List.of("jcmd", Long.toString(pid())));
        line.addAll(List.of(command));
        new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
    }

    /** Kills the server's JVM without warning, as a power cut or OOM killer would. */
    public void kill() {
        stop(true);
    }

    @Override
    public void close() {
        stop(false);
    }

    private void stop(boolean hard) {
        stopJvm(base.resolve("server.pid"), process, hard);
    }

    /** Stops the WildFly whose pid file is given (TERM, or KILL when {@code hard}), then its launcher script. */
    static void stopJvm(Path pidFile, Process launcher, boolean hard) {
        try {
            if (Files.exists(pidFile)) {
                long pid = Long.parseLong(Files.readString(pidFile).strip());
                ProcessHandle.of(pid).ifPresent(java -> {
                    if (hard) {
                        java.destroyForcibly();
                    } else {
                        java.destroy();
                    }
                    java.onExit().orTimeout(60, TimeUnit.SECONDS).exceptionally(t -> java).join();
                    java.destroyForcibly();
                });
            }
            if (launcher != null) {
                launcher.waitFor(30, TimeUnit.SECONDS);
                launcher.destroyForcibly();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!p.toString().contains("standalone_xml_history")) {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
