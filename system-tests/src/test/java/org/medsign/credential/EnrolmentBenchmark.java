package org.medsign.credential;

import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.mobile.CertificateFetcher;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.Enroller;
import org.medsign.mobile.IssuedCertificate;
import org.medsign.mobile.TicketLink;
import org.medsign.systemtest.CpuMeter;
import org.medsign.systemtest.ServerProfile;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.RawCrypto;
import org.medsign.systemtest.StaffSession;

import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints certificates issued per second through the API — CSR in, 已下載 out (enrol, fetch the chain, acknowledge)
 * — with several phones at once, and, in the same run, Bouncy Castle's raw EC P-256 signing speed (the CA key's
 * kind) and the ratio. Each phone is bound and its application made with the card beforehand (not timed); the
 * phones' keys and CSRs are made beforehand too, as a phone makes them before it calls the server.
 * Run: benchmarks/credentials.sh [certificates] [phones at once]
 */
public final class EnrolmentBenchmark {

    private EnrolmentBenchmark() {
    }

    /** One phone ready to enrol: bound, logged in, its ticket and its new key's CSR in hand. */
    private record Ready(Phone phone, Enrolments.Ticket ticket, KeyPair key, byte[] csr) {
    }

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 200, args.length > 1 ? Integer.parseInt(args[1]) : 4);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // the test mail server's thread would keep exec:java waiting
        System.exit(0);
    }

    private static void run(int count, int clients) throws Exception {
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            StaffSession nurse = StaffSession.logIn(server, "N0001");
            SoftCard card = new DevHca(server).card("N0001.p12");
            int warmUp = count;
            ConcurrentLinkedQueue<Ready> warm = prepare(server, nurse, card, "warm", warmUp);
            ConcurrentLinkedQueue<Ready> timed = prepare(server, nurse, card, "bench", count);
            enrolAll(warm, clients);
            server.database().analyze();
            System.out.printf("warmed up with %d enrolments; timing %d with %d phones at once%n", warmUp, count, clients);
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            CpuMeter cpu = new CpuMeter(server);
            var profile = ServerProfile.startIfAsked(server, java.nio.file.Path.of(System.getProperty("medsign.work.dir"),
                    "profiles"), "issuance");
            long clientCpu = os.getProcessCpuTime();
            long nanos;
            int issued;
            try (CpuMeter.Reading timing = cpu.start()) {
                long start = System.nanoTime();
                issued = enrolAll(timed, clients);
                nanos = System.nanoTime() - start;
            }
            double clientSeconds = (os.getProcessCpuTime() - clientCpu) / 1e9;
            var layers = profile.isPresent() ? profile.get().stop() : null;
            double perSecond = issued / (nanos / 1e9);
            double raw = RawCrypto.signsPerSecond();
            System.out.printf("database: %s%n", server.database());
            System.out.printf("enrolments (CSR in, DOWNLOADED out), %d phones at once: %d in %.2f s = %.1f certificates/s%n",
                    clients, issued, nanos / 1e9, perSecond);
            int cores = Runtime.getRuntime().availableProcessors();
            System.out.printf("CPU per certificate while timed: machine %.1f ms of %.1f ms on %d cores; server JVM %.1f ms"
                    + " (its JIT compiler %.1f ms), phones (this JVM) %.1f ms, PostgreSQL %.1f ms%n",
                    cpu.machine() * 1e3 / issued, cores * nanos / 1e6 / issued, cores, cpu.serverJvm() * 1e3 / issued,
                    cpu.serverJit() * 1e3 / issued, clientSeconds * 1e3 / issued, cpu.postgres() * 1e3 / issued);
            System.out.printf("Bouncy Castle EC P-256 signing, one core: %.0f signatures/s%n", raw);
            System.out.printf("ratio: %.4f (certificates/s per raw signature/s)%n", perSecond / raw);
            if (layers != null) {
                layers.print(cpu.serverJvm() * 1e3 / issued, "certificate");
            }
        }
    }

    private static ConcurrentLinkedQueue<Ready> prepare(MedsignServer server, StaffSession nurse, SoftCard card,
                                                        String prefix, int count) throws Exception {
        ConcurrentLinkedQueue<Ready> ready = new ConcurrentLinkedQueue<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + "-" + i;
            Phone phone = Phone.bindAndLogIn(server, nurse, "N0001", name);
            Enrolments.Ticket ticket = Enrolments.apply(nurse, name, card);
            KeyPair key = DeviceKeyStore.newKeyPair("EC");
            ready.add(new Ready(phone, ticket, key, Enroller.csr(key, "N0001")));
        }
        return ready;
    }

    /** The phones enrol, fetch and acknowledge, {@code clients} at a time; returns how many reached 已下載. */
    private static int enrolAll(ConcurrentLinkedQueue<Ready> queue, int clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Integer>> done = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            done.add(pool.submit(() -> {
                int n = 0;
                for (Ready r = queue.poll(); r != null; r = queue.poll()) {
                    IssuedCertificate issued = new Enroller(r.phone().api).enrol(TicketLink.parse(r.ticket().uri()),
                            r.ticket().code(), r.csr(), r.phone().device.deviceId(), r.phone().deviceKey.getPrivate());
                    String status = new CertificateFetcher(r.phone().api).fetchAndAcknowledge(issued.serial(), r.key()).status();
                    if (!"DOWNLOADED".equals(status)) {
                        throw new IllegalStateException("status " + status);
                    }
                    n++;
                }
                return n;
            }));
        }
        int total = 0;
        for (Future<Integer> f : done) {
            total += f.get();
        }
        pool.shutdown();
        return total;
    }
}
