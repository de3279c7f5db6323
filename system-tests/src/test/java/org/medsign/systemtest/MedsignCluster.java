package org.medsign.systemtest;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The local two-node cluster of README's cluster command (medsign-cluster.sh), run piece by piece so that tests can
 * kill and restart a node: the haproxy balancer on the test offset + 300, node N on + 300 + 100*N, both nodes on the
 * HA profile with their own base directories, one fresh PostgreSQL database pair and one shared key directory.
 * It needs the run's PostgreSQL on 127.0.0.1:5432 (an embedded H2 file belongs to one JVM); on H2 the cluster's
 * tests are skipped, and say so.
 */
public final class MedsignCluster implements AutoCloseable, Deployment {

    public static final int OFFSET = MedsignServer.PORT_OFFSET + 300;
    private static final Duration BOOT_TIMEOUT = Duration.ofMinutes(4);
    private static final String DATABASE = "medsign_cluster_it";
    private static final String HIS_DATABASE = "medsign_cluster_his_it";

    private final Path home = Path.of(System.getProperty("medsign.server.home"));
    private final Path dir = Path.of(System.getProperty("medsign.work.dir")).resolve("cluster");
    private final TestDatabase database;
    private final TestDatabase his;
    private final Node[] nodes = {new Node(1), new Node(2)};
    private Process balancer;

    private MedsignCluster(TestDatabase database, TestDatabase his) {
        this.database = database;
        this.his = his;
    }

    /** Balancer and both nodes up (node 1 first: it makes the schema and the CA, node 2 finds them). */
    public static MedsignCluster start() {
        return start(null);
    }

    /**
     * The same with medsign's database on another PostgreSQL ({@code medsign}: its administrator's connection), one a
     * test may restart; the HIS's stays on the run's.
     */
    public static MedsignCluster start(TestDatabase medsign) {
        TestDatabase run = TestDatabase.localPostgres().orElse(null);
        Assumptions.assumeTrue(run != null, "the cluster tests need PostgreSQL on 127.0.0.1:5432 (-Dmedsign.test.db=h2"
                + " or nothing answers there): an embedded H2 file belongs to one JVM");
        MedsignCluster cluster = new MedsignCluster(fresh(medsign == null ? run : medsign, DATABASE),
                fresh(run, HIS_DATABASE));
        System.out.println("[medsign system tests] cluster: balancer https://localhost:" + (8443 + OFFSET)
                + ", nodes on offsets " + cluster.node(1).offset() + " and " + cluster.node(2).offset()
                + ", database " + cluster.database.url());
        cluster.prepare();
        cluster.startBalancer();
        for (Node node : cluster.nodes) {
            node.start();
        }
        return cluster;
    }

    /** Through the balancer, as users and phones reach the cluster. */
    @Override
    public URI url(String path) {
        return URI.create("https://localhost:" + (8443 + OFFSET) + "/medsign/" + path.replaceFirst("^/", ""));
    }

    public Node node(int n) {
        return nodes[n - 1];
    }

    @Override
    public TestDatabase database() {
        return database;
    }

    /** The HIS stand-in's database, which both nodes read and mark. */
    @Override
    public TestDatabase his() {
        return his;
    }

    /**
     * The node the balancer has a request open with right now, from its statistics (current sessions per server);
     * empty when none or both have one. A test that sends one request at a time learns so which node serves it.
     */
    public Optional<Node> busyNode() {
        List<Node> busy = new ArrayList<>();
        for (String[] column : balancerStatistics()) {
            // pxname, svname, qcur, qmax, scur, …
            if (column.length > 4 && column[0].equals("nodes_https") && column[1].matches("node[12]")
                    && Integer.parseInt(column[4]) > 0) {
                busy.add(node(column[1].charAt(4) - '0'));
            }
        }
        return busy.size() == 1 ? Optional.of(busy.get(0)) : Optional.empty();
    }

    /**
     * Waits (at most the boot timeout) until the balancer sends traffic to both nodes again, e.g. after their health
     * checks failed while the database was down.
     */
    public void awaitBalanced() {
        Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
        while (!(balancerState(1).startsWith("UP") && balancerState(2).startsWith("UP"))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the balancer has node1 " + balancerState(1) + ", node2 " + balancerState(2));
            }
            MedsignServer.sleep(200);
        }
    }

    /** UP, DOWN, … as the balancer's statistics have node {@code n} (column status). */
    private String balancerState(int n) {
        for (String[] row : balancerStatistics()) {
            if (row.length > 17 && row[0].equals("nodes_https") && row[1].equals("node" + n)) {
                return row[17];
            }
        }
        return "?";
    }

    private List<String[]> balancerStatistics() {
        try {
            String csv = DevTls.httpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + (8404 + OFFSET) + "/stats;csv")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return csv.lines().map(line -> line.split(",", -1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The key directory the nodes share (MEDSIGN_KEYS_DIR), with the development HCA's soft cards. */
    public Path keyDirectory() {
        return dir.resolve("keys");
    }

    private void prepare() {
        try {
            MedsignServer.deleteTree(dir);
            Files.createDirectories(dir);
            TestMail.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ProcessBuilder script(String log, String... arguments) {
        ProcessBuilder builder = new ProcessBuilder(Stream.concat(
                Stream.of("bash", System.getProperty("medsign.cluster.launcher")), Stream.of(arguments)).toList())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve(log).toFile()));
        Map<String, String> env = builder.environment();
        MedsignServer.testSettings(env, database, his);
        // The cluster makes its own development CA: its root's key must not overwrite the shared server's custodian
        // file, which CaRolloverIT signs with.
        env.put("MEDSIGN_DEV_OFFLINE_ROOT", dir.resolve("offline-root").resolve("root.p12").toString());
        env.put("MEDSIGN_SERVER_HOME", home.toString());
        env.put("MEDSIGN_CLUSTER_DIR", dir.toString());
        env.put("MEDSIGN_CLUSTER_PORT_OFFSET", String.valueOf(OFFSET));
        env.put("MEDSIGN_EAR", System.getProperty("medsign.ear"));
        return builder;
    }

    private void startBalancer() {
        try {
            balancer = script("balancer.log", "balancer").start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        for (Node node : nodes) {
            node.stop(false);
        }
        if (balancer != null) {
            balancer.destroy();
            try {
                balancer.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            balancer.destroyForcibly();
        }
    }

    /** One node: started by the cluster script, killed or stopped through its JVM's process id. */
    public final class Node implements WebAddress {

        private final int number;
        private Process process;

        private Node(int number) {
            this.number = number;
        }

        public String name() {
            return "node" + number;
        }

        public int offset() {
            return OFFSET + 100 * number;
        }

        /** Straight to this node, past the balancer. */
        @Override
        public URI url(String path) {
            return URI.create("https://localhost:" + (8443 + offset()) + "/medsign/" + path.replaceFirst("^/", ""));
        }

        public Path base() {
            return dir.resolve(name());
        }

        /** The node's JVM's process id: the same before and after a fault means the node was not restarted. */
        public long pid() {
            try {
                return Long.parseLong(Files.readString(base().resolve("server.pid")).strip());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        public void start() {
            try {
                process = script(name() + "-console.log", "node", String.valueOf(number)).start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            awaitHealthy();
        }

        /** kill -9 of the node's JVM, as a power cut or the OOM killer would. */
        public void kill() {
            stop(true);
        }

        /**
         * Stops the node as a rolling restart does (medsign-cluster.sh stop-node): suspended first, so that the
         * balancer resends its requests and takes it out, then shut down.
         */
        public void stop() {
            try {
                Process stopping = script(name() + "-stop.log", "stop-node", String.valueOf(number)).start();
                if (!stopping.waitFor(3, TimeUnit.MINUTES) || stopping.exitValue() != 0) {
                    throw new IllegalStateException("stop-node " + number + " failed; see " + dir.resolve(name() + "-stop.log"));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            stop(false);
        }

        public boolean healthy() {
            try {
                HttpResponse<String> r = DevTls.httpClient().send(HttpRequest.newBuilder(url("api/v1/health"))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                return r.statusCode() == 200 && r.body().contains("\"UP\"");
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void awaitHealthy() {
            Instant deadline = Instant.now().plus(BOOT_TIMEOUT);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive() || Files.exists(base().resolve("deployments/medsign.ear.failed"))) {
                    throw new IllegalStateException(name() + " did not deploy; see " + base().resolve("log/server.log"));
                }
                if (healthy()) {
                    return;
                }
                MedsignServer.sleep(1000);
            }
            throw new IllegalStateException(name() + " not healthy after " + BOOT_TIMEOUT);
        }

        private void stop(boolean hard) {
            MedsignServer.stopJvm(base().resolve("server.pid"), process, hard);
        }
    }

    /** A new, empty database {@code name} on the PostgreSQL of {@code run} (an administrator's connection). */
    private static TestDatabase fresh(TestDatabase run, String name) {
        try (Connection c = DriverManager.getConnection(run.url(), run.user(), run.password()); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create " + name + " as " + run.user(), e);
        }
        return new TestDatabase("PostgreSQL", run.url().replaceFirst("/[^/]*$", "/" + name), run.user(), run.password());
    }
}
