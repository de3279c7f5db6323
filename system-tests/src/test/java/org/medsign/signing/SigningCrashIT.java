package org.medsign.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Exactly once (M23): the server is killed (kill -9) in the middle of a batch of 250 — once while it verifies, once
 * right after it stored the signatures — started again, the same batch is sent again, and every record is checked
 * against the HIS: signed, by one stored signature, never twice. Two simultaneous batches of the same records
 * store each record once.
 */
@SystemTest
class SigningCrashIT {

    private static final int BATCH = 250;

    @Test
    void aBatchKilledMidwayIsCompletedByItsRetryExactlyOnce(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "direct SQL checks need PostgreSQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "當機測試");
        nurse.bindEPortal("10.20.30.44");

        List<Long> early = records(server, nurse);
        Map<String, Object> first = batch(nurse, early);
        assertTrue(killDuring(server, nurse, first, () -> true, 60), "killed while verifying");
        assertRetryCompletes(server, nurse, first, early);

        boolean killedAfterStoring = false;
        for (int attempt = 0; attempt < 3 && !killedAfterStoring; attempt++) {
            List<Long> late = records(server, nurse);
            Map<String, Object> second = batch(nurse, late);
            killedAfterStoring = killDuring(server, nurse, second, () -> count(server,
                    "SELECT COUNT(*) FROM record_signature WHERE batch_id = '" + second.get("batchId") + "'") > 0, 0);
            assertRetryCompletes(server, nurse, second, late);
        }
        assertTrue(killedAfterStoring, "the server was killed after storing, before it answered");
    }

    @Test
    void twoBatchesOfTheSameRecordsAtOnceStoreEachRecordOnce(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "direct SQL checks need PostgreSQL");
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "併發測試");
        nurse.bindEPortal("10.20.30.45");
        List<Long> ids = records(server, nurse);
        Map<String, Object> one = batch(nurse, ids);
        Map<String, Object> other = batch(nurse, ids);
        EPortalClient eportal = nurse.eportal();
        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() -> eportal.resubmit(one));
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() -> eportal.resubmit(other));
        JsonNode resultA = a.get(2, TimeUnit.MINUTES).path("result");
        JsonNode resultB = b.get(2, TimeUnit.MINUTES).path("result");
        assertEquals(0, resultA.path("refused").asInt() + resultB.path("refused").asInt(), resultA + "\n" + resultB);
        assertEquals(BATCH, results(resultA, "SIGNED") + results(resultB, "SIGNED"), "each record signed by one batch");
        assertEveryRecordSignedOnce(server, ids);
    }

    /**
     * Sends the batch, waits until {@code when} holds and {@code delayMillis} more, then kills the server and starts
     * it again; true when the answer was lost (the kill came before the server answered).
     */
    private static boolean killDuring(MedsignServer server, CredentialFixture.Signer nurse, Map<String, Object> batch,
                                      BooleanSupplier when, long delayMillis) throws Exception {
        CompletableFuture<JsonNode> sent = CompletableFuture.supplyAsync(() -> nurse.eportal().resubmit(batch));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!sent.isDone() && !when.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1);
        }
        Thread.sleep(delayMillis);
        server.kill();
        boolean lost;
        try {
            sent.get(1, TimeUnit.MINUTES);
            lost = false;
        } catch (ExecutionException e) {
            lost = true;
        }
        server.start();
        return lost;
    }

    private static void assertRetryCompletes(MedsignServer server, CredentialFixture.Signer nurse,
                                             Map<String, Object> batch, List<Long> ids) throws Exception {
        long storedBefore = count(server, "SELECT COUNT(*) FROM record_signature WHERE batch_id = '" + batch.get("batchId") + "'");
        assertTrue(storedBefore == 0 || storedBefore == BATCH, "all or nothing was stored: " + storedBefore);
        JsonNode result = nurse.eportal().resubmit(batch).path("result");
        assertEquals(BATCH, result.path("signed").asInt(), result.toString());
        assertEquals(0, result.path("refused").asInt(), result.toString());
        assertEquals(storedBefore == 0 ? BATCH : 0, results(result, "SIGNED"), "what the crash stored is not stored again");
        JsonNode again = nurse.eportal().resubmit(batch).path("result");
        assertEquals(BATCH, results(again, "ALREADY_SIGNED"), "a second retry changes nothing");
        assertEveryRecordSignedOnce(server, ids);
    }

    /** Every record: one stored signature, marked in medsign as written back, and the HIS signed with its reference. */
    private static void assertEveryRecordSignedOnce(MedsignServer server, List<Long> ids) throws Exception {
        String in = ids.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElseThrow();
        Map<Long, Long> stored = new HashMap<>();
        try (Connection c = server.database().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT his_record_id, COUNT(*), MIN(id), BOOL_AND(his_marked)"
                     + " FROM record_signature WHERE his_record_id IN (" + in + ") GROUP BY his_record_id")) {
            while (rs.next()) {
                assertEquals(1, rs.getLong(2), "record " + rs.getLong(1) + " stored once");
                assertTrue(rs.getBoolean(4), "record " + rs.getLong(1) + " noted as written back");
                stored.put(rs.getLong(1), rs.getLong(3));
            }
        }
        assertEquals(ids.size(), stored.size(), "every record has its signature");
        try (Connection c = server.his().connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, signed_version = version, signature_ref FROM his_record"
                     + " WHERE id IN (" + in + ")")) {
            int seen = 0;
            while (rs.next()) {
                seen++;
                assertTrue(rs.getBoolean(2), "HIS record " + rs.getLong(1) + " signed");
                assertEquals("medsign:signature:" + stored.get(rs.getLong(1)), rs.getString(3));
            }
            assertEquals(ids.size(), seen);
        }
    }

    private static List<Long> records(MedsignServer server, CredentialFixture.Signer nurse) throws Exception {
        long first = HisRecords.add(server, nurse.employeeNumber(), BATCH);
        nurse.eportal().refresh();
        List<Long> ids = new ArrayList<>();
        for (long id = first; id < first + BATCH; id++) {
            ids.add(id);
        }
        return ids;
    }

    private static Map<String, Object> batch(CredentialFixture.Signer nurse, List<Long> ids) {
        return SignedBatch.of(nurse, ids);
    }

    private static int results(JsonNode result, String kind) {
        int n = 0;
        for (JsonNode item : result.path("items")) {
            n += kind.equals(item.path("result").asText()) ? 1 : 0;
        }
        return n;
    }

    private static long count(MedsignServer server, String sql) {
        try (Connection c = server.database().connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
