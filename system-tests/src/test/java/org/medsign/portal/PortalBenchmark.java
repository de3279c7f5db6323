package org.medsign.portal;

import org.medsign.dev.his.HisGenerator;
import org.medsign.staff.PasswordHasher;
import org.medsign.systemtest.CpuMeter;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.ServerProfile;
import org.medsign.systemtest.StaffCopies;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issue 20's portal figure: the day's journey (log in, 首頁, 行動裝置管理, 憑證清單, 個人簽章提醒設定, log out) by
 * many staff at once with think time, driven by Gatling (benchmarks/portal's PortalJourneySimulation) against one
 * WildFly on PostgreSQL; per user count, page views/s, latency per step and overall, and the CPU per page view split
 * between WildFly, its JIT compiler, PostgreSQL and the load generator.
 *
 * <p>The accounts are the HIS generator's first authors (the demo staff among them), copied from the demo nurse in
 * SQL ({@link StaffCopies}), one per concurrent user. A warm-up run (the largest user count, not counted) lets the JIT
 * compile the pages first. The load generator runs pinned to its own core ({@code taskset}); the server and PostgreSQL
 * are not pinned. {@code MEDSIGN_BENCH_LAYERS=1} also prints, per run, where WildFly's CPU goes by layer of the
 * stack ({@link ServerProfile}).
 *
 * <p>Run: benchmarks/portal.sh [user counts, comma-separated] [seconds per run] [warm-up seconds]
 */
public final class PortalBenchmark {

    private static final String PASSWORD = "Medsign#2026";

    private PortalBenchmark() {
    }

    public static void main(String[] args) {
        try {
            List<Integer> users = new ArrayList<>();
            for (String n : (args.length > 0 ? args[0] : "100,300").split(",")) {
                users.add(Integer.parseInt(n.strip()));
            }
            run(users, args.length > 1 ? Integer.parseInt(args[1]) : 90, args.length > 2 ? Integer.parseInt(args[2]) : 120);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // the test mail server's thread would keep exec:java waiting
        System.exit(0);
    }

    private static void run(List<Integer> userCounts, int seconds, int warmUp) throws Exception {
        Path repo = Path.of(System.getProperty("medsign.repo.dir"));
        Path work = Path.of(System.getProperty("medsign.work.dir"));
        int most = userCounts.stream().mapToInt(Integer::intValue).max().orElseThrow();
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            System.out.printf("database: %s; %d cores%n", server.database(),
                    Runtime.getRuntime().availableProcessors());
            List<HisGenerator.Author> staff = HisGenerator.authors(most);
            int added = StaffCopies.add(server, staff);
            server.database().analyze();
            Path accounts = work.resolve("accounts.csv");
            Files.writeString(accounts, "username\n" + String.join("\n",
                    staff.stream().map(HisGenerator.Author::employeeNumber).toList()) + "\n");
            System.out.printf("staff: %d accounts with the demo password (%d copied from N0001 in SQL, the rest demo staff)%n",
                    staff.size(), added);
            double passwordCheck = passwordCheckMillis(server);
            System.out.printf("raw reference: one password check (PBKDF2-HMAC-SHA256, as the server stores it) takes"
                    + " %.1f ms of CPU on one core in this JVM%n", passwordCheck);

            GatlingRun gatling = new GatlingRun(repo.resolve("benchmarks/portal"), work, "1");
            System.out.printf("load generator: Gatling pinned to core 1 (taskset); the server and"
                    + " PostgreSQL on all cores; think time 1-3 s between clicks; closed model: each user loops the journey%n");
            System.out.printf("warm-up: %d users for %d s (not counted)%n", most, warmUp);
            gatling.run("warm-up", settings(server, accounts, most, warmUp), limit(warmUp));
            // as autovacuum would after the warm-up's first writes (off on this machine): reminder_settings, empty at the
            // first ANALYZE, was otherwise read whole on every look-up by its key
            server.database().analyze();

            DatabaseActivity activity = new DatabaseActivity(server.database());
            for (int i = 0; i < userCounts.size(); i++) {
                int users = userCounts.get(i);
                var profile = ServerProfile.startIfAsked(server, work.resolve("profiles"), "portal-" + users + "-users");
                CpuMeter cpu = new CpuMeter(server);
                DatabaseActivity.Counters before = activity.read();
                GatlingRun.Result result;
                try (CpuMeter.Reading reading = cpu.start()) {
                    result = gatling.run(users + "-users", settings(server, accounts, users, seconds), limit(seconds));
                }
                DatabaseActivity.Counters db = activity.read().minus(before);
                JourneyReport report = new JourneyReport(result);
                report.print(String.format("%d users, each looping for %d s (started over 10 s)", users, seconds),
                        result, cpu, db, passwordCheck);
                if (profile.isPresent()) {
                    profile.get().stopAndPrint(cpu.serverJvm() * 1e3 / report.overall().count());
                }
            }
        }
    }

    /** How long a run may take: its users' loops, the last journey begun, and Gatling's start and report. */
    private static Duration limit(int seconds) {
        return Duration.ofSeconds(seconds + 120);
    }

    private static Map<String, String> settings(MedsignServer server, Path accounts, int users, int seconds) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("baseUrl", server.url("").toString().replaceFirst("/$", ""));
        s.put("accounts", accounts.toString());
        s.put("password", PASSWORD);
        s.put("users", Integer.toString(users));
        s.put("rampSeconds", "10");
        s.put("seconds", Integer.toString(seconds));
        return s;
    }

    /** The password check every login pays, timed here on the stored hash of the demo nurse (after a few to warm up). */
    private static double passwordCheckMillis(MedsignServer server) throws Exception {
        String stored;
        try (var c = server.database().connect(); var st = c.createStatement();
             var rs = st.executeQuery("SELECT password_hash FROM portal_account WHERE username = 'N0001'")) {
            rs.next();
            stored = rs.getString(1);
        }
        var thread = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 3; i++) {
            PasswordHasher.verify(PASSWORD, stored);
        }
        long start = thread.getCurrentThreadCpuTime();
        int n = 10;
        for (int i = 0; i < n; i++) {
            if (!PasswordHasher.verify(PASSWORD, stored)) {
                throw new IllegalStateException("the demo password does not match N0001's hash");
            }
        }
        return (thread.getCurrentThreadCpuTime() - start) / 1e6 / n;
    }
}
