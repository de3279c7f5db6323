package org.medsign.jobs;

import org.medsign.credential.CredentialFixture;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.CpuMeter;
import org.medsign.systemtest.ServerProfile;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.RawCrypto;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * Prints how fast the long-term-evidence job takes stored CAdES-T signatures to CAdES-BASELINE-LTA (validation data
 * and an archive timestamp each), in one run over {@code N} signatures (default 100,000), beside the raw cost of the
 * crypto each one needs in the same run. Four nurses sign 250 records each through the API; their CAdES-T rows are
 * then copied in SQL to N (each copy a real signature of a real record version, under another record id), as a
 * hospital's backlog after a TSA outage or a first run over years of signatures would be. Warm-up: the job first
 * augments the 1,000 real ones and 5,000 copies, untimed. Run: benchmarks/evidence.sh [N]
 */
public final class EvidenceBenchmark {

    private static final java.nio.file.Path PROFILES = java.nio.file.Path.of(System.getProperty("medsign.work.dir"),
            "profiles");

    private static final int SIGNERS = 4;
    private static final int EACH = 250;
    private static final int WARM_UP = 5_000;

    private EvidenceBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 100_000);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(int count) throws Exception {
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            if (!server.database().postgres()) {
                throw new IllegalStateException("the benchmark copies rows with PostgreSQL's SQL");
            }
            for (int i = 1; i <= SIGNERS; i++) {
                String staff = String.format("N%04d", i);
                CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, staff, "長期保存效能");
                nurse.bindEPortal("10.20.30.40");
                HisRecords.add(server, staff, EACH);
                nurse.eportal().refresh();
                nurse.eportal().signPending(nurse.deviceId(), nurse.cms(), List.of(), "效能測試補簽");
            }
            sql(server, "CREATE TABLE bench_template AS SELECT * FROM record_signature WHERE evidence_level = 'T'");
            long templates = count(server, "SELECT count(*) FROM bench_template");
            System.out.printf("database: %s; %d real CAdES-T signatures by %d nurses%n", server.database(), templates, SIGNERS);

            BatchPage batch = new BatchPage(server);
            copies(server, WARM_UP, 1);
            Duration warm = runJob(server, batch, null);
            System.out.printf("warm-up: %d signatures to LTA in %.1f s (untimed)%n", templates + WARM_UP, warm.toMillis() / 1e3);

            copies(server, count, 2);
            server.database().analyze();
            CpuMeter cpu = new CpuMeter(server);
            var profile = ServerProfile.startIfAsked(server, PROFILES, "long-term-evidence");
            Duration timed = runJob(server, batch, cpu);
            var layers = profile.isPresent() ? profile.get().stop() : null;
            long lta = count(server, "SELECT count(*) FROM record_signature WHERE evidence_level = 'LTA'");
            if (lta != templates + WARM_UP + count) {
                throw new IllegalStateException(lta + " signatures at LTA, not " + (templates + WARM_UP + count));
            }
            double seconds = timed.toNanos() / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("long-term-evidence, one run: %d signatures to CAdES-BASELINE-LTA in %.1f s = %.0f signatures/s"
                    + " (%.2f ms each)%n", count, seconds, count / seconds, seconds * 1e3 / count);
            System.out.printf("  CPU per signature: machine %.3f ms of %.3f ms on %d cores; server JVM %.3f ms (its JIT"
                            + " compiler %.3f ms), PostgreSQL %.3f ms%n", cpu.machine() * 1e3 / count,
                    cores * seconds * 1e3 / count, cores, cpu.serverJvm() * 1e3 / count, cpu.serverJit() * 1e3 / count,
                    cpu.postgres() * 1e3 / count);
            long bytes = count(server, "SELECT avg(length(cms))::bigint FROM record_signature WHERE evidence_level = 'LTA'");
            long before = count(server, "SELECT avg(length(cms))::bigint FROM bench_template");
            System.out.printf("  size: %d bytes a signature at LTA, %d at T%n", bytes, before);
            if (layers != null) {
                layers.print(cpu.serverJvm() * 1e3 / count, "signature");
            }
            double sign = RawCrypto.signsPerSecond();
            System.out.printf("raw crypto, same run: Bouncy Castle EC P-256 signing (SHA256withECDSA), one core: %.0f/s."
                    + " Each signature needs one (its archive token) plus a share of the OCSP answers (one per signer"
                    + " and chunk of 100: %d here); so its crypto alone is %.3f ms of one core, and the job runs at"
                    + " %.2f of the one-core crypto rate%n", sign, SIGNERS, (1 + SIGNERS / 100.0) * 1e3 / sign,
                    count / seconds / (sign / (1 + SIGNERS / 100.0)));
            renewal(server, batch, templates + WARM_UP + count, sign);
        }
    }

    /**
     * The same run's renewal: the TSA rolls over to a new key (JMX, as IT would), and the job's next run gives every
     * LTA a second archive timestamp over the old TSA's validation data and the first.
     */
    private static void renewal(MedsignServer server, BatchPage batch, long all, double sign) throws Exception {
        try (javax.management.remote.JMXConnector jmx = org.medsign.systemtest.MedsignJmx.connect()) {
            jmx.getMBeanServerConnection().invoke(org.medsign.systemtest.MedsignJmx.area("Certificates"),
                    "rollTimestampKey", new Object[0], new String[0]);
        }
        long before = count(server, "SELECT avg(length(cms))::bigint FROM record_signature WHERE evidence_level = 'LTA'");
        CpuMeter cpu = new CpuMeter(server);
        var profile = ServerProfile.startIfAsked(server, PROFILES, "renewal");
        Duration timed = runJob(server, batch, cpu);
        var layers = profile.isPresent() ? profile.get().stop() : null;
        long renewed = count(server, "SELECT count(*) FROM record_signature WHERE archive_until ="
                + " (SELECT max(archive_until) FROM record_signature)");
        if (renewed != all) {
            throw new IllegalStateException(renewed + " signatures renewed, not " + all);
        }
        double seconds = timed.toNanos() / 1e9;
        System.out.printf("renewal after a TSA rollover, one run: %d signatures given a second archive timestamp in %.1f s"
                + " = %.0f signatures/s (%.2f ms each); %d bytes a signature before, %d after%n", renewed, seconds,
                renewed / seconds, seconds * 1e3 / renewed, before,
                count(server, "SELECT avg(length(cms))::bigint FROM record_signature WHERE evidence_level = 'LTA'"));
        System.out.printf("  CPU per signature: server JVM %.3f ms (its JIT compiler %.3f ms), PostgreSQL %.3f ms; the"
                        + " crypto (one archive token) %.3f ms of one core, so %.2f of the one-core crypto rate%n",
                cpu.serverJvm() * 1e3 / renewed, cpu.serverJit() * 1e3 / renewed, cpu.postgres() * 1e3 / renewed,
                1e3 / sign, renewed / seconds / sign);
        if (layers != null) {
            layers.print(cpu.serverJvm() * 1e3 / renewed, "signature");
        }
    }

    /** Adds {@code n} copies of the template rows as T signatures of record versions no one else has. */
    private static void copies(MedsignServer server, int n, int round) throws Exception {
        sql(server, "INSERT INTO record_signature (id, his_record_id, record_version, signer, certificate_serial, batch_id,"
                + " digest, signing_time, timestamp_time, delay_reason, cms, his_marked, created_at, evidence_level)"
                + " SELECT nextval('record_signature_seq'), " + round + "000000000000 + g, 1, t.signer,"
                + " t.certificate_serial, t.batch_id, t.digest, t.signing_time, t.timestamp_time, t.delay_reason, t.cms,"
                + " true, t.created_at, 'T' FROM generate_series(1, " + n + ") g"
                + " JOIN (SELECT *, row_number() OVER (ORDER BY id) - 1 AS k, count(*) OVER () AS m FROM bench_template) t"
                + " ON t.k = g % t.m");
    }

    /** Starts the job from 批次作業 and waits for it; the run's own time, measured by JBeret. */
    private static Duration runJob(MedsignServer server, BatchPage batch, CpuMeter cpu) throws Exception {
        batch.awaitIdle();
        BatchPage.Run before = batch.last("long-term-evidence");
        CpuMeter.Reading reading = cpu == null ? null : cpu.start();
        batch.press("startLongTerm");
        BatchPage.Run run = batch.awaitEnd("long-term-evidence", before == null ? 0 : before.executionId(), Duration.ofHours(2));
        if (reading != null) {
            reading.close();
        }
        if (!"COMPLETED".equals(run.status())) {
            throw new IllegalStateException("the job ended " + run.status() + " " + run.exitStatus());
        }
        long millis = count(server, "SELECT (EXTRACT(EPOCH FROM endtime - starttime) * 1000)::bigint FROM job_execution"
                + " WHERE jobexecutionid = " + run.executionId());
        return Duration.ofMillis(millis);
    }

    private static void sql(MedsignServer server, String sql) throws Exception {
        try (Connection c = server.database().connect(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static long count(MedsignServer server, String sql) throws Exception {
        try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
