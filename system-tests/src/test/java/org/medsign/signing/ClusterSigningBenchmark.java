package org.medsign.signing;

import org.medsign.credential.CredentialFixture;
import org.medsign.systemtest.CpuMeter;
import org.medsign.systemtest.MedsignCluster;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.TestDatabase;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * What the cluster costs per signature (issue 17), in one run: the same 250-item batches from the same phones, first
 * through one node, then through haproxy to two nodes on one database. Counted: the server JVMs (both nodes summed),
 * their JIT compilers, haproxy and PostgreSQL; not the phones (this JVM). On two cores two nodes cannot be faster than
 * one: the figure is what the second node, the balancer and the cluster's shared state cost.
 * Run: benchmarks/cluster-signing.sh [batches per phone] [phones]
 */
public final class ClusterSigningBenchmark {

    private static final int SIZE = 250;
    /** 250-item batches each phone sends before timing: the JIT compilers' minutes after a start (see SigningBenchmark). */
    private static final int WARM_UP = 60;
    /** Batches a phone signs ahead and sends in one go: 10 × 250, within the 5,000 the pending list holds. */
    private static final int ROUND = 10;

    private ClusterSigningBenchmark() {
    }

    private record Result(String deployment, int signed, long nanos, CpuMeter cpu) {
    }

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 20, args.length > 1 ? Integer.parseInt(args[1]) : 2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run(int batches, int phoneCount) throws Exception {
        Result one;
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            List<SigningBenchmark.Phone> phones = new ArrayList<>();
            for (int i = 1; i <= phoneCount; i++) {
                phones.add(phone(CredentialFixture.downloadedSigner(server, staff(i), "叢集效能"), server.his(), batches));
            }
            one = measure("one node", phones, batches, new CpuMeter(server), server.database(), server.his());
        }
        Result two;
        try (MedsignCluster cluster = MedsignCluster.start()) {
            List<SigningBenchmark.Phone> phones = new ArrayList<>();
            for (int i = 1; i <= phoneCount; i++) {
                phones.add(phone(CredentialFixture.downloadedSigner(cluster, staff(i), "叢集效能"), cluster.his(), batches));
            }
            two = measure("two nodes behind haproxy", phones, batches,
                    new CpuMeter(() -> List.of(cluster.node(1).pid(), cluster.node(2).pid())), cluster.database(),
                    cluster.his());
        }
        System.out.printf("%d phones at once, each %d batches of %d after %d untimed batches each (warm-up)%n",
                phoneCount, batches, SIZE, WARM_UP);
        for (Result r : List.of(one, two)) {
            double seconds = r.nanos() / 1e9;
            System.out.printf("%s: %d signatures in %.1f s = %.0f signatures/s%n", r.deployment(), r.signed(), seconds,
                    r.signed() / seconds);
            System.out.printf("  CPU per signature: server JVMs %.3f ms (their JIT compilers %.3f ms), balancer %.3f ms,"
                            + " PostgreSQL %.3f ms = %.3f ms; the machine %.3f ms of %.3f ms on %d cores (the phones'"
                            + " share is the rest)%n", ms(r.cpu().serverJvm(), r), ms(r.cpu().serverJit(), r),
                    ms(r.cpu().balancer(), r), ms(r.cpu().postgres(), r), server(r), ms(r.cpu().machine(), r),
                    Runtime.getRuntime().availableProcessors() * r.nanos() / 1e6 / r.signed(),
                    Runtime.getRuntime().availableProcessors());
        }
        System.out.printf("the cluster's cost: %.2f times one node's server CPU per signature, %.2f times its"
                + " throughput%n", server(two) / server(one), (two.signed() / (two.nanos() / 1e9))
                / (one.signed() / (one.nanos() / 1e9)));
    }

    private static String staff(int i) {
        return String.format("N%04d", i);
    }

    /** A nurse bound to the E Portal with enough pending records for the warm-up and the timed batches. */
    private static SigningBenchmark.Phone phone(CredentialFixture.Signer nurse, TestDatabase his, int batches)
            throws Exception {
        nurse.bindEPortal("10.20.30.40");
        HisRecords.add(his, nurse.employeeNumber(), SIZE * (batches + WARM_UP) + SIZE, 1);
        return new SigningBenchmark.Phone(nurse, nurse.eportal());
    }

    /** Warm-up, then every phone sends its batches one after another, all phones at once; only the latter timed. */
    private static Result measure(String deployment, List<SigningBenchmark.Phone> phones, int batches, CpuMeter cpu,
                                  TestDatabase database, TestDatabase his) throws Exception {
        database.analyze();
        his.analyze();
        rounds(phones, WARM_UP, new CpuMeter(List::of));
        database.analyze();
        return new Result(deployment, SIZE * batches * phones.size(), rounds(phones, batches, cpu), cpu);
    }

    /**
     * Sends {@code batches} batches from each phone, all phones at once, in rounds of at most {@link #ROUND} (the
     * pending list holds 5,000 of a person's records at a time); each round's batches are signed on the phones first.
     * Only the sending is timed and counted in {@code cpu}; the wall time of the sending.
     */
    private static long rounds(List<SigningBenchmark.Phone> phones, int batches, CpuMeter cpu) throws Exception {
        long nanos = 0;
        for (int done = 0; done < batches; done += ROUND) {
            int n = Math.min(ROUND, batches - done);
            List<List<List<Map<String, Object>>>> prepared = new ArrayList<>();
            for (SigningBenchmark.Phone phone : phones) {
                List<List<Map<String, Object>>> mine = new ArrayList<>();
                for (int b = 0; b < n; b++) {
                    mine.add(SigningBenchmark.signedPage(phone, b, SIZE));
                }
                prepared.add(mine);
            }
            try (CpuMeter.Reading timed = cpu.start()) {
                nanos += send(phones, prepared);
            }
        }
        return nanos;
    }

    private static long send(List<SigningBenchmark.Phone> phones, List<List<List<Map<String, Object>>>> prepared)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(phones.size());
        try {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < phones.size(); p++) {
                SigningBenchmark.Phone phone = phones.get(p);
                List<List<Map<String, Object>>> mine = prepared.get(p);
                running.add(pool.submit(() -> {
                    for (List<Map<String, Object>> items : mine) {
                        SigningBenchmark.submit(phone, items, new CpuMeter(List::of));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdown();
        }
    }

    private static double ms(double seconds, Result r) {
        return seconds * 1e3 / r.signed();
    }

    private static double server(Result r) {
        return ms(r.cpu().serverJvm() + r.cpu().balancer() + r.cpu().postgres(), r);
    }
}
