package org.medsign.signing;

import org.HdrHistogram.Histogram;
import org.medsign.credential.Phone;
import org.medsign.dev.his.HisGenerator;
import org.medsign.jobs.BatchPage;
import org.medsign.systemtest.CpuMeter;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.ServerProfile;
import org.medsign.systemtest.StaffCopies;
import org.medsign.systemtest.StaffSession;

import javax.net.ssl.SSLSocket;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Prints the pending list ({@code GET /api/v1/pending}, M22's first page of 50) under load: phones on loopback, each on
 * its own keep-alive HTTPS connection, sending at a constant total arrival rate; each request's latency is counted from
 * the time it was due, not from when it went out, so a stalled server is charged for the requests that queued behind
 * the stall (no coordinated omission). Then the same at full speed (closed loop: the capacity), the CPU split, and the
 * same query as plain SQL over JDBC in the same run (the raw reference).
 *
 * <p>The HIS stand-in gets {@code records} generated records by {@code staff} authors; the pending index is filled by
 * the real full unsigned-scan. Both databases are kept (the script names them by size) and reused when a marker
 * table says they were made for this size, since 10 million records take long to generate and scan. The staff
 * directory gets the HIS's authors as copies of a demo nurse in SQL (medsign has no registration API: people come
 * from the HR import); each phone is set up through the real API: portal login, device import and binding, app
 * login, E Portal binding.
 *
 * <p>Not Gatling: on two cores the generator shares the CPU with the server, and a blocking HTTP/1.1 client over one
 * TLS socket per phone costs about 0.13 ms of CPU per request; it also runs in one JVM with the system tests' fixtures
 * (server start, phones set up through the API) and {@link CpuMeter}, so one command prints every figure.
 *
 * <p>Run: benchmarks/pending.sh [records] [phones] [rates/s, comma-separated] [seconds per rate]
 */
public final class PendingBenchmark {

    private static final String MARKER = "bench_pending_marker";
    private static final String PATH = "/medsign/api/v1/pending?page=0&size=50";
    /**
     * The floors, each the same closed loop on its own connections: what a request costs this server before the list
     * is read (a static file: TLS and HTTP; the health check: RESTEasy, JSON-B, one EJB transaction with one query;
     * the same with the phone's token: its check as well).
     */
    private static final List<Floor> FLOORS = List.of(
            new Floor("a static file of the phone app", "/medsign/app/manifest.json", false),
            new Floor("the health check, no token", "/medsign/api/v1/health", false),
            new Floor("the health check with the phone's token", "/medsign/api/v1/health", true));

    private record Floor(String what, String path, boolean token) {
    }
    private static final int STAFF = 5000;

    private PendingBenchmark() {
    }

    public static void main(String[] args) {
        try {
            long records = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
            int phones = args.length > 1 ? Integer.parseInt(args[1]) : 50;
            String rates = args.length > 2 ? args[2] : "2000";
            int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 30;
            int warmUp = args.length > 4 ? Integer.parseInt(args[4]) : 60;
            run(records, phones, rates, seconds, warmUp);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // the test mail server's thread would keep exec:java waiting
        System.exit(0);
    }

    private static void run(long records, int phoneCount, String rates, int seconds, int warmUp) throws Exception {
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            System.out.printf("database: %s; HIS: %s; %d cores%n", server.database(), server.his(),
                    Runtime.getRuntime().availableProcessors());
            prepareHis(server, records);
            prepareIndex(server, records);
            List<String> tokens = phones(server, phoneCount);
            server.database().analyze();
            System.out.printf("pending index: %,d rows (%,d visible to the %d phones' staff, %.0f each on average)%n",
                    scalar(server, "SELECT COUNT(*) FROM pending_record"), visible(server, tokens.size()),
                    tokens.size(), visible(server, tokens.size()) / (double) tokens.size());

            List<Double> targets = new ArrayList<>();
            for (String r : rates.split(",")) {
                targets.add(Double.parseDouble(r.strip()));
            }
            // a closed loop, so that the warm-up takes its time whatever the server's speed
            System.out.printf("warm-up: %d s, the %d phones each sending when its answer is in (not counted)%n", warmUp,
                    tokens.size());
            closedLoop(server, PATH, tokens, warmUp, null);
            for (double rate : targets) {
                CpuMeter cpu = new CpuMeter(server);
                print(String.format("constant arrival rate %.0f/s, %d phones, %d s", rate, tokens.size(), seconds),
                        constantRate(server, tokens, rate, seconds, cpu), cpu, true);
            }
            Path profiles = Path.of(System.getProperty("medsign.work.dir"), "profiles");
            CpuMeter cpu = new CpuMeter(server);
            var profile = ServerProfile.startIfAsked(server, profiles, "pending-list");
            Result closed = closedLoop(server, PATH, tokens, seconds, cpu);
            print(String.format("closed loop, %d phones, each sends when its answer is in (the capacity), %d s",
                    tokens.size(), seconds), closed, cpu, false);
            if (profile.isPresent()) {
                profile.get().stopAndPrint(cpu.serverJvm() * 1e3 / closed.requests());
            }
            for (int i = 0; i < FLOORS.size(); i++) {
                Floor floor = FLOORS.get(i);
                List<String> as = floor.token() ? tokens : java.util.Collections.nCopies(tokens.size(), null);
                closedLoop(server, floor.path(), as, Math.min(warmUp, 20), null);
                CpuMeter floorCpu = new CpuMeter(server);
                var floorProfile = ServerProfile.startIfAsked(server, profiles, "floor-" + (i + 1));
                Result r = closedLoop(server, floor.path(), as, seconds, floorCpu);
                print(String.format("floor: %s (%s), the same closed loop, %d s", floor.what(), floor.path(), seconds),
                        r, floorCpu, false);
                if (floorProfile.isPresent()) {
                    floorProfile.get().stopAndPrint(floorCpu.serverJvm() * 1e3 / r.requests());
                }
            }
            rawSql(server, seconds);
        }
    }

    // ---- data -------------------------------------------------------------------------------------------------------

    /** The HIS stand-in with {@code records} generated records (the demo's few replaced), unless already made. */
    private static void prepareHis(MedsignServer server, long records) throws SQLException {
        try (Connection c = server.his().connect()) {
            if (marker(c) == records) {
                System.out.printf("HIS: %,d records, reused%n", records);
                return;
            }
            try (Statement st = c.createStatement()) {
                st.execute("TRUNCATE his_record, his_patient CASCADE");
            }
            HisGenerator.Result result = new HisGenerator().generate(c, new HisGenerator.Settings(7, STAFF, records, 6,
                    Instant.now(), true));
            System.out.printf("HIS: generated %,d records by %,d authors, %,d patients, over 6 months in %.0f s"
                            + " (%.0f records/s)%n", records, STAFF, result.patients(), result.took().toMillis() / 1e3,
                    records / (result.took().toMillis() / 1e3));
            try (Statement st = c.createStatement()) {
                st.execute("VACUUM ANALYZE his_record");
            }
            mark(c, records);
        }
    }

    /** The staff directory and the pending index (the real full unsigned-scan), unless already made for this HIS. */
    private static void prepareIndex(MedsignServer server, long records) throws Exception {
        try (Connection c = server.database().connect()) {
            if (marker(c) == records) {
                System.out.println("pending index and staff: reused");
                return;
            }
        }
        int added = StaffCopies.add(server, HisGenerator.authors(STAFF));
        System.out.printf("staff directory: %,d people added (the HIS's authors, copies of N0001 in SQL)%n", added);
        BatchPage batch = new BatchPage(server);
        batch.awaitIdle();
        BatchPage.Run before = batch.last("unsigned-scan");
        long start = System.nanoTime();
        batch.press("startFullScan");
        BatchPage.Run run = batch.awaitEnd("unsigned-scan", before == null ? 0 : before.executionId(), Duration.ofHours(3));
        if (!"COMPLETED".equals(run.status())) {
            throw new IllegalStateException("full scan ended " + run);
        }
        System.out.printf("pending index: full unsigned-scan took %.0f s%n", (System.nanoTime() - start) / 1e9);
        try (Connection c = server.database().connect()) {
            mark(c, records);
        }
    }

    /**
     * Sets up the phones through the real API, one staff member each, spread over the authors: portal login, device
     * import and binding (M5–M9), app login (M14), E Portal binding (M19). Returns their bearer tokens.
     */
    private static List<String> phones(MedsignServer server, int count) throws Exception {
        List<HisGenerator.Author> authors = HisGenerator.authors(STAFF);
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> made = new ArrayList<>();
            String suffix = Long.toString(System.currentTimeMillis() % 100_000);
            for (int i = 0; i < count; i++) {
                String staff = authors.get((int) ((long) i * authors.size() / count)).employeeNumber();
                made.add(pool.submit(() -> {
                    Phone phone = Phone.bindAndLogIn(server, StaffSession.logIn(server, staff), staff, "效能測試" + suffix);
                    int status = phone.bindEPortal(server, staff, "10.20.30.40").statusCode();
                    if (status != 200) {
                        throw new IllegalStateException("E Portal binding of " + staff + ": " + status);
                    }
                    return phone.token();
                }));
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> f : made) {
                tokens.add(f.get());
            }
            System.out.printf("phones: %d staff (of %,d), each a device bound and logged in through the API, E Portal bound"
                    + " (%.0f s)%n", count, STAFF, (System.nanoTime() - start) / 1e9);
            return tokens;
        } finally {
            pool.shutdown();
        }
    }

    private static long visible(MedsignServer server, int phones) throws SQLException {
        List<HisGenerator.Author> authors = HisGenerator.authors(STAFF);
        long sum = 0;
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM pending_record WHERE author = ? AND his_modified_at >= ?"
                        + " AND (signed_version IS NULL OR signed_version <> version)")) {
            for (int i = 0; i < phones; i++) {
                ps.setString(1, authors.get((int) ((long) i * authors.size() / phones)).employeeNumber());
                ps.setObject(2, windowStart());
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    sum += rs.getLong(1);
                }
            }
        }
        return sum;
    }

    /** R1's window as the server counts it (2 months in Taipei's time). */
    private static OffsetDateTime windowStart() {
        return Instant.now().atZone(ZoneId.of("Asia/Taipei")).minusMonths(2).toInstant().atOffset(ZoneOffset.UTC);
    }

    private static long marker(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TABLE IF NOT EXISTS " + MARKER + " (records BIGINT NOT NULL)");
            try (ResultSet rs = st.executeQuery("SELECT COALESCE(MAX(records), -1) FROM " + MARKER)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void mark(Connection c, long records) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement st = c.createStatement()) {
            st.execute("DELETE FROM " + MARKER);
            st.execute("INSERT INTO " + MARKER + " VALUES (" + records + ")");
        } finally {
            c.setAutoCommit(auto);
        }
    }

    private static long scalar(MedsignServer server, String sql) throws SQLException {
        try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    // ---- load -------------------------------------------------------------------------------------------------------

    /** What a timed stretch did. */
    private record Result(long requests, long errors, long nanos, Histogram latency, Histogram service, double generatorCpu) {
    }

    /**
     * Each phone sends its share of {@code rate} at fixed times (the phones staggered); a phone that is still waiting
     * for an answer when its next request is due sends it at once when the answer comes, and that request's latency
     * still counts from when it was due.
     */
    private static Result constantRate(MedsignServer server, List<String> tokens, double rate, int seconds, CpuMeter cpu)
            throws Exception {
        int phones = tokens.size();
        long interval = (long) (1e9 * phones / rate);
        long duration = seconds * 1_000_000_000L;
        return load(server, PATH, tokens, cpu, (phone, client, start, latency, service) -> {
            long due = start + phone * interval / phones;
            long n = 0;
            long errors = 0;
            while (due - start < duration) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    while (System.nanoTime() < due) {
                        Thread.onSpinWait();
                    }
                }
                long sent = System.nanoTime();
                errors += client.get() ? 0 : 1;
                long done = System.nanoTime();
                latency.recordValue(Math.max(1, (done - due) / 1000));
                service.recordValue(Math.max(1, (done - sent) / 1000));
                n++;
                due += interval;
            }
            return new long[]{n, errors};
        });
    }

    /** Each phone sends its next request as soon as its answer is in: the capacity, with service times only. */
    private static Result closedLoop(MedsignServer server, String path, List<String> tokens, int seconds, CpuMeter cpu)
            throws Exception {
        long duration = seconds * 1_000_000_000L;
        return load(server, path, tokens, cpu, (phone, client, start, latency, service) -> {
            long n = 0;
            long errors = 0;
            long sent = System.nanoTime();
            while (sent - start < duration) {
                errors += client.get() ? 0 : 1;
                long done = System.nanoTime();
                latency.recordValue(Math.max(1, (done - sent) / 1000));
                service.recordValue(Math.max(1, (done - sent) / 1000));
                n++;
                sent = done;
            }
            return new long[]{n, errors};
        });
    }

    /** The phones' connections, kept from one stretch to the next: their TLS handshakes stay out of the timed ones. */
    private static final java.util.Map<String, List<Client>> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private interface PhoneLoop {
        long[] run(int phone, Client client, long start, Histogram latency, Histogram service) throws IOException;
    }

    private static Result load(MedsignServer server, String path, List<String> tokens, CpuMeter cpu, PhoneLoop loop)
            throws Exception {
        int phones = tokens.size();
        List<Client> clients = CLIENTS.computeIfAbsent(path + tokens.get(0),
                k -> tokens.stream().map(token -> new Client(server, path, token)).toList());
        ExecutorService pool = Executors.newFixedThreadPool(phones);
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Histogram latency = new Histogram(3_600_000_000L, 3);
        Histogram service = new Histogram(3_600_000_000L, 3);
        long requests = 0;
        long errors = 0;
        long nanos;
        double generator;
        CpuMeter.Reading reading = cpu == null ? null : cpu.start();
        try {
            long generatorStart = os.getProcessCpuTime();
            long start = System.nanoTime() + 20_000_000L;
            List<Future<Object[]>> running = new ArrayList<>();
            for (int p = 0; p < phones; p++) {
                int phone = p;
                running.add(pool.submit(() -> {
                    Histogram l = new Histogram(3_600_000_000L, 3);
                    Histogram s = new Histogram(3_600_000_000L, 3);
                    long[] counts = loop.run(phone, clients.get(phone), start, l, s);
                    return new Object[]{counts, l, s};
                }));
            }
            for (Future<Object[]> f : running) {
                Object[] r = f.get();
                long[] counts = (long[]) r[0];
                requests += counts[0];
                errors += counts[1];
                latency.add((Histogram) r[1]);
                service.add((Histogram) r[2]);
            }
            nanos = System.nanoTime() - start;
            generator = (os.getProcessCpuTime() - generatorStart) / 1e9;
        } finally {
            if (reading != null) {
                reading.close();
            }
            pool.shutdown();
        }
        return new Result(requests, errors, nanos, latency, service, generator);
    }

    private static void print(String what, Result r, CpuMeter cpu, boolean fromDue) {
        double seconds = r.nanos() / 1e9;
        Histogram h = r.latency();
        System.out.printf("%s: %,d requests (%d failed) in %.1f s = %.0f requests/s (TLS connections so far: %d)%n",
                what, r.requests(), r.errors(), seconds, r.requests() / seconds, Client.CONNECTIONS.get());
        System.out.printf("  latency%s ms: p50 %.1f  p90 %.1f  p99 %.1f  p99.9 %.1f  max %.1f%n",
                fromDue ? " from the time each request was due," : " (service time),", h.getValueAtPercentile(50) / 1e3,
                h.getValueAtPercentile(90) / 1e3, h.getValueAtPercentile(99) / 1e3, h.getValueAtPercentile(99.9) / 1e3,
                h.getMaxValue() / 1e3);
        if (fromDue) {
            Histogram s = r.service();
            System.out.printf("  (service time, sent to answered, ms: p50 %.1f  p99 %.1f  max %.1f)%n",
                    s.getValueAtPercentile(50) / 1e3, s.getValueAtPercentile(99) / 1e3, s.getMaxValue() / 1e3);
        }
        double per = 1e3 / r.requests();
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("  CPU per request: machine %.3f ms of %.3f ms on %d cores; WildFly JVM %.3f ms (its JIT %.3f ms),"
                        + " PostgreSQL %.3f ms, load generator %.3f ms%n", cpu.machine() * per, cores * seconds * per, cores,
                cpu.serverJvm() * per, cpu.serverJit() * per, cpu.postgres() * per, r.generatorCpu() * per);
        System.out.printf("  CPU share of the %d cores: WildFly %.0f%%, PostgreSQL %.0f%%, load generator %.0f%%, other %.0f%%%n",
                cores, 100 * cpu.serverJvm() / seconds / cores, 100 * cpu.postgres() / seconds / cores,
                100 * r.generatorCpu() / seconds / cores,
                100 * (cpu.machine() - cpu.serverJvm() - cpu.postgres() - r.generatorCpu()) / seconds / cores);
    }

    /**
     * The raw reference: what the server's list costs PostgreSQL, the count and the page of 50 as EclipseLink sends them,
     * over plain JDBC with prepared statements, from 4 connections as fast as they answer, for random phones' staff.
     */
    private static void rawSql(MedsignServer server, int seconds) throws Exception {
        List<HisGenerator.Author> authors = HisGenerator.authors(STAFF);
        int threads = 4;
        CpuMeter cpu = new CpuMeter(server);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long duration = seconds * 1_000_000_000L;
        long total = 0;
        long start;
        // the connections stay open until the reading is closed: an ended backend's CPU leaves /proc with it
        java.util.concurrent.CountDownLatch read = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger finished = new java.util.concurrent.atomic.AtomicInteger();
        CpuMeter.Reading timed = cpu.start();
        try {
            start = System.nanoTime();
            List<Future<Long>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    long n = 0;
                    try (Connection c = server.database().connect();
                         PreparedStatement count = c.prepareStatement("SELECT COUNT(his_record_id) FROM pending_record"
                                 + " WHERE author = ? AND his_modified_at >= ? AND (signed_version IS NULL OR signed_version <> version)");
                         PreparedStatement page = c.prepareStatement("SELECT his_record_id, author, chart_number, department,"
                                 + " digest, his_created_at, his_modified_at, indexed_at, overdue_version, patient_masked,"
                                 + " record_type, signed_version, site_code, type_name, version FROM pending_record"
                                 + " WHERE author = ? AND his_modified_at >= ? AND (signed_version IS NULL OR signed_version <> version)"
                                 + " ORDER BY his_modified_at DESC, his_record_id DESC LIMIT ? OFFSET ?")) {
                        while (System.nanoTime() - start < duration) {
                            String author = authors.get(ThreadLocalRandom.current().nextInt(authors.size())).employeeNumber();
                            OffsetDateTime from = windowStart();
                            count.setString(1, author);
                            count.setObject(2, from);
                            try (ResultSet rs = count.executeQuery()) {
                                rs.next();
                            }
                            page.setString(1, author);
                            page.setObject(2, from);
                            page.setInt(3, 50);
                            page.setInt(4, 0);
                            try (ResultSet rs = page.executeQuery()) {
                                while (rs.next()) {
                                    rs.getString(5);
                                }
                            }
                            n++;
                        }
                        finished.incrementAndGet();
                        read.await();
                    }
                    return n;
                }));
            }
            while (finished.get() < threads && running.stream().noneMatch(Future::isDone)) {
                Thread.sleep(10);
            }
            timed.close();
            read.countDown();
            for (Future<Long> f : running) {
                total += f.get();
            }
        } finally {
            read.countDown();
            pool.shutdown();
        }
        double s = duration / 1e9;
        System.out.printf("raw reference, the same list as plain SQL over JDBC (count + page of 50, %d connections, as fast"
                        + " as they answer): %,d lists in %.1f s = %.0f lists/s; PostgreSQL CPU %.3f ms per list%n", threads,
                total, s, total / s, cpu.postgres() * 1e3 / total);
    }

    /** A phone's keep-alive HTTPS connection, speaking just enough HTTP/1.1 to stay out of the server's way. */
    private static final class Client implements AutoCloseable {

        private final MedsignServer server;
        private final byte[] request;
        private final byte[] buffer = new byte[65536];
        /** TLS connections opened by all phones (each phone keeps one unless the server closes it). */
        static final java.util.concurrent.atomic.AtomicLong CONNECTIONS = new java.util.concurrent.atomic.AtomicLong();
        private SSLSocket socket;
        private InputStream in;
        private OutputStream out;

        Client(MedsignServer server, String path, String token) {
            this.server = server;
            this.request = ("GET " + path + " HTTP/1.1\r\nHost: localhost:" + MedsignServer.HTTPS_PORT
                    + "\r\nAccept: application/json\r\n" + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                    + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
        }

        /** One list; false when the answer was not 200. */
        boolean get() throws IOException {
            if (socket == null) {
                socket = (SSLSocket) DevTls.sslContext().getSocketFactory().createSocket("localhost", MedsignServer.HTTPS_PORT);
                socket.setTcpNoDelay(true);
                CONNECTIONS.incrementAndGet();
                socket.startHandshake();
                in = new BufferedInputStream(socket.getInputStream(), 65536);
                out = socket.getOutputStream();
            }
            out.write(request);
            out.flush();
            String status = line();
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(header.substring(15).strip());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    close = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().split(";")[0].strip(), 16); size > 0;
                     size = Long.parseLong(line().split(";")[0].strip(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length >= 0) {
                skip(length);
            }
            if (close) {
                close();
            }
            return status.startsWith("HTTP/1.1 200");
        }

        private void skip(long n) throws IOException {
            while (n > 0) {
                int r = in.read(buffer, 0, (int) Math.min(buffer.length, n));
                if (r < 0) {
                    throw new IOException("connection closed in a body");
                }
                n -= r;
            }
        }

        private String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    s.append((char) c);
                }
            }
            return s.toString();
        }

        @Override
        public void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException e) {
                // closing anyway
            }
            socket = null;
        }
    }
}
