package org.medsign.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.medsign.credential.CredentialFixture;
import org.medsign.systemtest.TestDatabase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
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
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checks of the kill-during-a-batch tests (one server in SigningCrashIT, a cluster's node in ClusterIT): batches
 * of 250 fresh records, a kill while one is in flight, and every record signed exactly once, as medsign's
 * record_signature and the HIS's marks both say.
 */
public final class ExactlyOnce {

    public static final int BATCH = 250;

    private final TestDatabase medsign;
    private final TestDatabase his;

    public ExactlyOnce(TestDatabase medsign, TestDatabase his) {
        this.medsign = medsign;
        this.his = his;
    }

    /** What a sending came to while its server was killed: the answer, or the failure the phone saw instead. */
    public record Sent<T>(T answer, Throwable failure) {

        public boolean lost() {
            return failure != null;
        }
    }

    /**
     * Sends on another thread, waits until {@code when} holds (at most 30 s) and {@code delayMillis} more, runs
     * {@code kill}, then waits for the sending's outcome.
     */
    public static <T> Sent<T> killDuring(Supplier<T> send, BooleanSupplier when, long delayMillis, Runnable kill)
            throws Exception {
        CompletableFuture<T> sent = CompletableFuture.supplyAsync(send);
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!sent.isDone() && !when.getAsBoolean() && Instant.now().isBefore(deadline)) {
            Thread.sleep(1);
        }
        Thread.sleep(delayMillis);
        kill.run();
        try {
            return new Sent<>(sent.get(3, TimeUnit.MINUTES), null);
        } catch (ExecutionException e) {
            return new Sent<>(null, e.getCause());
        }
    }

    /** {@link #BATCH} new records of the signer, pending on her phone. */
    public List<Long> records(CredentialFixture.Signer nurse) throws Exception {
        long first = HisRecords.add(his, nurse.employeeNumber(), BATCH, 1);
        nurse.eportal().refresh();
        List<Long> ids = new ArrayList<>();
        for (long id = first; id < first + BATCH; id++) {
            ids.add(id);
        }
        return ids;
    }

    /** The signatures stored for a batch (by its batchId). */
    public long stored(Map<String, Object> batch) {
        return count("SELECT COUNT(*) FROM record_signature WHERE batch_id = '" + batch.get("batchId") + "'");
    }

    /**
     * The batch's answer after a crash: all {@link #BATCH} signed, none refused, and SIGNED for exactly those the
     * crashed server had not stored ({@code storedBefore}: all or none); then a repeat changes nothing.
     */
    public void assertCompleted(CredentialFixture.Signer nurse, Map<String, Object> batch, JsonNode answer,
                                long storedBefore, List<Long> ids) throws Exception {
        assertTrue(storedBefore == 0 || storedBefore == BATCH, "all or nothing was stored: " + storedBefore);
        JsonNode result = answer.path("result");
        assertEquals(BATCH, result.path("signed").asInt(), result.toString());
        assertEquals(0, result.path("refused").asInt(), result.toString());
        assertEquals(storedBefore == 0 ? BATCH : 0, results(result, "SIGNED"), "what the crash stored is not stored again");
        JsonNode again = nurse.eportal().resubmit(batch).path("result");
        assertEquals(BATCH, results(again, "ALREADY_SIGNED"), "a second retry changes nothing");
        assertEveryRecordSignedOnce(ids);
    }

    /** Every record: one stored signature, marked in medsign as written back, and the HIS signed with its reference. */
    public void assertEveryRecordSignedOnce(List<Long> ids) throws SQLException {
        String in = ids.stream().map(String::valueOf).reduce((x, y) -> x + "," + y).orElseThrow();
        Map<Long, Long> stored = new HashMap<>();
        try (Connection c = medsign.connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT his_record_id, COUNT(*), MIN(id), BOOL_AND(his_marked)"
                     + " FROM record_signature WHERE his_record_id IN (" + in + ") GROUP BY his_record_id")) {
            while (rs.next()) {
                assertEquals(1, rs.getLong(2), "record " + rs.getLong(1) + " stored once");
                assertTrue(rs.getBoolean(4), "record " + rs.getLong(1) + " noted as written back");
                stored.put(rs.getLong(1), rs.getLong(3));
            }
        }
        assertEquals(ids.size(), stored.size(), "every record has its signature");
        try (Connection c = his.connect(); Statement st = c.createStatement();
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

    /** How many of a batch's items the answer gives as {@code kind} (SIGNED, ALREADY_SIGNED, …). */
    public static int results(JsonNode result, String kind) {
        int n = 0;
        for (JsonNode item : result.path("items")) {
            n += kind.equals(item.path("result").asText()) ? 1 : 0;
        }
        return n;
    }

    private long count(String sql) {
        try (Connection c = medsign.connect(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
