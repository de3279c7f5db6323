package org.medsign.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.systemtest.CpuMeter;
import org.medsign.systemtest.ServerProfile;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.RawCrypto;
import org.medsign.systemtest.Tools;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prints signatures verified, timestamped and stored per second through the API, batches of 100 and 250: one phone
 * sending one batch at a time (each batch's latency), then several phones (nurses) at once (the server's
 * throughput); the phones' signing is done beforehand and not timed. In the same run: Bouncy Castle's raw EC P-256
 * verification speed on one core, the ratio, where the CPU went, and the time of a 100-record batch end to end with
 * the mobile-client (list, PIN once, sign, send, answer). Run: benchmarks/signing.sh [batches per size] [phones]
 */
public final class SigningBenchmark {

    private static final String PIN = "482916";
    static final String DELAY_REASON = "效能測試補簽";
    /**
     * 250-item batches sent before timing. A freshly started WildFly compiles for minutes: after a few batches
     * only, its JIT compiler threads still took most of a core from the timed ones.
     */
    private static final int WARM_UP = 150;

    private SigningBenchmark() {
    }

    /** A nurse's phone, bound to the E Portal. */
    record Phone(CredentialFixture.Signer nurse, EPortalClient eportal) {
    }

    /** What a timed stretch did: signatures, wall time, batches, CPU. */
    private record Timed(int signed, long nanos, int batches, CpuMeter cpu) {
    }

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 8, args.length > 1 ? Integer.parseInt(args[1]) : 2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // the test mail server's thread would keep exec:java waiting
        System.exit(0);
    }

    private static void run(int batches, int phoneCount) throws Exception {
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            List<Phone> phones = new ArrayList<>();
            for (int i = 1; i <= phoneCount; i++) {
                String staff = String.format("N%04d", i);
                CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, staff, "簽章效能");
                nurse.bindEPortal("10.20.30.40");
                HisRecords.add(server, staff, 350 * batches + (i == 1 ? 350 * batches + 250 * WARM_UP + 100 : 0));
                phones.add(new Phone(nurse, nurse.eportal()));
            }
            System.out.printf("database: %s%n", server.database());
            analyze(server);
            Phone first = phones.get(0);
            for (int i = 0; i < WARM_UP; i++) {
                submit(first, signedPage(first, 0, 250), new CpuMeter(server));
            }
            analyze(server);
            Map<String, Timed> runs = new LinkedHashMap<>();
            Map<String, ServerProfile.Layers> layers = new LinkedHashMap<>();
            for (int size : new int[]{100, 250}) {
                CpuMeter cpu = new CpuMeter(server);
                long nanos = 0;
                String what = String.format("batches of %d, one phone, one batch at a time", size);
                // the server side of each batch; the profile also holds the untimed read of the page the phone signs
                var profile = ServerProfile.startIfAsked(server, Path.of(System.getProperty("medsign.work.dir"), "profiles"),
                        "signing-" + size);
                for (int i = 0; i < batches; i++) {
                    nanos += submit(first, signedPage(first, 0, size), cpu);
                }
                if (profile.isPresent()) {
                    layers.put(what, profile.get().stop());
                }
                runs.put(what, new Timed(size * batches, nanos, batches, cpu));
                if (phoneCount > 1) {
                    runs.put(String.format("batches of %d, %d phones at once", size, phoneCount),
                            atOnce(server, phones, batches, size));
                }
            }
            // measured after the timed runs, when the server's JIT threads have gone quiet
            double raw = RawCrypto.verifiesPerSecond();
            runs.forEach((what, timed) -> {
                print(what, timed, raw);
                if (layers.containsKey(what)) {
                    layers.get(what).print(timed.cpu().serverJvm() * 1e3 / timed.signed(), "signature");
                }
            });
            double rawSign = RawCrypto.signsPerSecond();
            System.out.printf("Bouncy Castle EC P-256 verification (SHA256withECDSA), one core: %.0f/s; signing: %.0f/s;"
                    + " so one item's crypto (verify + TSA token) is %.2f ms of one core%n", raw, rawSign,
                    1e3 / raw + 1e3 / rawSign);
            int cores = Runtime.getRuntime().availableProcessors();
            double floor = RawCrypto.verifyAndSignPerSecond(cores);
            System.out.printf("crypto each item needs at least (verify the phone's signature + sign the TSA token), all %d"
                    + " cores, no I/O: %.0f items/s = ratio %.2f (the API path's ceiling)%n", cores, floor, floor / raw);
            endToEnd(server, first.nurse());
        }
    }

    private static void analyze(MedsignServer server) throws Exception {
        server.database().analyze();
        server.his().analyze();
    }

    /** Each phone sends its own {@code batches} batches, one after another, all phones at once. */
    private static Timed atOnce(MedsignServer server, List<Phone> phones, int batches, int size) throws Exception {
        List<List<List<Map<String, Object>>>> prepared = new ArrayList<>();
        for (Phone phone : phones) {
            List<List<Map<String, Object>>> mine = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                mine.add(signedPage(phone, b, size));
            }
            prepared.add(mine);
        }
        CpuMeter cpu = new CpuMeter(server);
        ExecutorService pool = Executors.newFixedThreadPool(phones.size());
        try (CpuMeter.Reading timed = cpu.start()) {
            long start = System.nanoTime();
            List<Future<?>> running = new ArrayList<>();
            for (int p = 0; p < phones.size(); p++) {
                Phone phone = phones.get(p);
                List<List<Map<String, Object>>> mine = prepared.get(p);
                running.add(pool.submit(() -> {
                    for (List<Map<String, Object>> items : mine) {
                        submit(phone, items, new CpuMeter(server));
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            return new Timed(size * batches * phones.size(), System.nanoTime() - start, batches * phones.size(), cpu);
        } finally {
            pool.shutdown();
        }
    }

    private static void print(String what, Timed t, double raw) {
        double perSecond = t.signed() / (t.nanos() / 1e9);
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%s: %d signatures in %.2f s = %.0f signatures/s through the API (%.0f ms per batch)%n", what,
                t.signed(), t.nanos() / 1e9, perSecond, t.nanos() / 1e6 / t.batches());
        System.out.printf("  ratio to raw verification: %.2f%n", perSecond / raw);
        System.out.printf("  CPU per signature while timed: machine %.2f ms of %.2f ms on %d cores; server JVM %.2f ms"
                        + " (its JIT compiler %.2f ms), PostgreSQL %.2f ms%n", t.cpu().machine() * 1e3 / t.signed(),
                cores * t.nanos() / 1e6 / t.signed(), cores, t.cpu().serverJvm() * 1e3 / t.signed(),
                t.cpu().serverJit() * 1e3 / t.signed(), t.cpu().postgres() * 1e3 / t.signed());
    }

    /** One page of the phone's pending records, signed on the phone (not timed). */
    static List<Map<String, Object>> signedPage(Phone phone, int page, int size) {
        JsonNode list = phone.eportal().pending(page, size, true);
        if (list.path("items").size() < size) {
            // a refresh takes at most 5,000 records of one person from the HIS; the benchmark made more
            phone.eportal().refresh();
            list = phone.eportal().pending(page, size, true);
        }
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            byte[] canonical = Base64.getDecoder().decode(item.path("canonical").asText());
            items.add(EPortalClient.item(item.path("record").path("recordId").asLong(),
                    Base64.getEncoder().encodeToString(phone.nurse().cms().sign(canonical)), DELAY_REASON));
        }
        if (items.size() < size) {
            throw new IllegalStateException("only " + items.size() + " pending records left");
        }
        return items;
    }

    /** Sends one batch and checks that all of it was signed; the call's wall time in nanoseconds. */
    static long submit(Phone phone, List<Map<String, Object>> items, CpuMeter cpu) {
        JsonNode answer;
        long nanos;
        try (CpuMeter.Reading timed = cpu.start()) {
            long start = System.nanoTime();
            answer = phone.eportal().submit(phone.nurse().deviceId(), items);
            nanos = System.nanoTime() - start;
        }
        if (answer.path("result").path("signed").asInt() != items.size()) {
            throw new IllegalStateException("signed " + answer.path("result").path("signed") + " of " + items.size()
                    + ": " + answer);
        }
        return nanos;
    }

    /** The mobile-client as a person uses it: one command, PIN once, 100 records. */
    private static void endToEnd(MedsignServer server, CredentialFixture.Signer nurse) {
        JsonNode list = nurse.eportal().pending(false);
        StringJoiner ids = new StringJoiner(",");
        for (int i = 0; i < 100; i++) {
            ids.add(list.path("items").get(i).path("record").path("recordId").asText());
        }
        long start = System.nanoTime();
        String out = Tools.mobileCli(server, "sign", "--home", nurse.home().toString(), "--pin", PIN, "--records",
                ids.toString(), "--delay-reason", DELAY_REASON);
        long nanos = System.nanoTime() - start;
        if (!out.contains("成功完成100筆簽章")) {
            throw new IllegalStateException(out);
        }
        System.out.printf("mobile-client, 100-record batch end to end (JVM start, list, PIN, sign, send): %.2f s%n",
                nanos / 1e9);
    }
}
