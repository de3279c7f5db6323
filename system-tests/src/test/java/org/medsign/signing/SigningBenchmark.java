package org.medsign.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.CmsSigner;
import org.medsign.mobile.EPortalClient;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.RawCrypto;
import org.medsign.systemtest.Tools;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Prints signatures verified, timestamped and stored per second through the API (batches of 100 and 250; the
 * phone's signing is done beforehand and not timed), Bouncy Castle's raw EC P-256 verification speed on one core in
 * the same run, the ratio, and the time of a 100-record batch end to end with the mobile-client (list, PIN once,
 * sign, send, answer). Run: benchmarks/signing.sh [batches per size]
 */
public final class SigningBenchmark {

    private static final String PIN = "482916";
    /** Batches sent before timing, so that the server's JIT has compiled the hot path. */
    private static final int WARM_UP = 6;

    private SigningBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run(args.length > 0 ? Integer.parseInt(args[0]) : 8);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
        // the test mail server's thread would keep exec:java waiting
        System.exit(0);
    }

    private static void run(int batches) throws Exception {
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "簽章效能");
            nurse.bindEPortal("10.20.30.40");
            EPortalClient eportal = nurse.eportal();
            System.out.printf("database: %s%n", server.database());
            HisRecords.add(server, "N0001", 100 * batches + 250 * (batches + WARM_UP) + 100);
            eportal.refresh();
            double raw = RawCrypto.verifiesPerSecond();
            for (int i = 0; i < WARM_UP; i++) {
                timeBatch(eportal, nurse, 250);
            }
            for (int size : new int[]{100, 250}) {
                long nanos = 0;
                int signed = 0;
                for (int i = 0; i < batches; i++) {
                    long[] run = timeBatch(eportal, nurse, size);
                    signed += (int) run[0];
                    nanos += run[1];
                }
                double perSecond = signed / (nanos / 1e9);
                System.out.printf("batches of %d: %d signatures in %.2f s = %.0f signatures/s through the API"
                        + " (%.0f ms per batch)%n", size, signed, nanos / 1e9, perSecond, nanos / 1e6 / batches);
                System.out.printf("  ratio to raw verification: %.2f%n", perSecond / raw);
            }
            System.out.printf("Bouncy Castle EC P-256 verification (SHA256withECDSA), one core: %.0f/s%n", raw);
            double floor = RawCrypto.verifyAndSignPerSecond(Runtime.getRuntime().availableProcessors());
            System.out.printf("crypto each item needs at least (verify the phone's signature + sign the TSA token), all %d"
                    + " cores, no I/O: %.0f items/s = ratio %.2f (the API path's ceiling)%n",
                    Runtime.getRuntime().availableProcessors(), floor, floor / raw);
            endToEnd(server, nurse);
        }
    }

    /** Signs {@code size} pending records on the client (not timed), then times the one API call. */
    private static long[] timeBatch(EPortalClient eportal, CredentialFixture.Signer nurse, int size) throws Exception {
        JsonNode list = eportal.pending(true);
        CmsSigner signer = nurse.cms();
        List<Map<String, Object>> items = new ArrayList<>();
        for (JsonNode item : list.path("items")) {
            if (items.size() == size) {
                break;
            }
            byte[] canonical = Base64.getDecoder().decode(item.path("canonical").asText());
            items.add(EPortalClient.item(item.path("record").path("recordId").asLong(),
                    Base64.getEncoder().encodeToString(signer.sign(canonical)), "效能測試補簽"));
        }
        if (items.size() < size) {
            throw new IllegalStateException("only " + items.size() + " pending records left");
        }
        long start = System.nanoTime();
        JsonNode answer = eportal.submit(nurse.deviceId(), items);
        long nanos = System.nanoTime() - start;
        int signed = answer.path("result").path("signed").asInt();
        if (signed != size) {
            throw new IllegalStateException("signed " + signed + " of " + size + ": " + answer);
        }
        return new long[]{signed, nanos};
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
                ids.toString(), "--delay-reason", "效能測試補簽");
        long nanos = System.nanoTime() - start;
        if (!out.contains("成功完成100筆簽章")) {
            throw new IllegalStateException(out);
        }
        System.out.printf("mobile-client, 100-record batch end to end (JVM start, list, PIN, sign, send): %.2f s%n",
                nanos / 1e9);
    }
}
