package org.medsign.signing;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.medsign.signing.ExactlyOnce.BATCH;
import static org.medsign.signing.ExactlyOnce.results;

/**
 * Exactly once (M23): the server is killed (kill -9) in the middle of a batch of 250 — once while it verifies, once
 * right after it stored the signatures — started again, the same batch is sent again, and every record is checked
 * against the HIS: signed, by one stored signature, never twice. Two simultaneous batches of the same records
 * store each record once.
 */
@SystemTest
class SigningCrashIT {

    @Test
    void aBatchKilledMidwayIsCompletedByItsRetryExactlyOnce(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "direct SQL checks need PostgreSQL");
        ExactlyOnce once = new ExactlyOnce(server.database(), server.his());
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "當機測試");
        nurse.bindEPortal("10.20.30.44");

        List<Long> early = once.records(nurse);
        Map<String, Object> first = SignedBatch.of(nurse, early);
        assertTrue(killDuring(server, nurse, first, () -> true, 60), "killed while verifying");
        assertRetryCompletes(once, nurse, first, early);

        boolean killedAfterStoring = false;
        for (int attempt = 0; attempt < 3 && !killedAfterStoring; attempt++) {
            List<Long> late = once.records(nurse);
            Map<String, Object> second = SignedBatch.of(nurse, late);
            killedAfterStoring = killDuring(server, nurse, second, () -> once.stored(second) > 0, 0);
            assertRetryCompletes(once, nurse, second, late);
        }
        assertTrue(killedAfterStoring, "the server was killed after storing, before it answered");
    }

    @Test
    void twoBatchesOfTheSameRecordsAtOnceStoreEachRecordOnce(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "direct SQL checks need PostgreSQL");
        ExactlyOnce once = new ExactlyOnce(server.database(), server.his());
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0001", "併發測試");
        nurse.bindEPortal("10.20.30.45");
        List<Long> ids = once.records(nurse);
        Map<String, Object> one = SignedBatch.of(nurse, ids);
        Map<String, Object> other = SignedBatch.of(nurse, ids);
        EPortalClient eportal = nurse.eportal();
        CompletableFuture<JsonNode> a = CompletableFuture.supplyAsync(() -> eportal.resubmit(one));
        CompletableFuture<JsonNode> b = CompletableFuture.supplyAsync(() -> eportal.resubmit(other));
        JsonNode resultA = a.get(2, TimeUnit.MINUTES).path("result");
        JsonNode resultB = b.get(2, TimeUnit.MINUTES).path("result");
        assertEquals(0, resultA.path("refused").asInt() + resultB.path("refused").asInt(), resultA + "\n" + resultB);
        assertEquals(BATCH, results(resultA, "SIGNED") + results(resultB, "SIGNED"), "each record signed by one batch");
        once.assertEveryRecordSignedOnce(ids);
    }

    /**
     * Sends the batch, waits until {@code when} holds and {@code delayMillis} more, then kills the server and starts
     * it again; true when the answer was lost (the kill came before the server answered).
     */
    private static boolean killDuring(MedsignServer server, CredentialFixture.Signer nurse, Map<String, Object> batch,
                                      BooleanSupplier when, long delayMillis) throws Exception {
        ExactlyOnce.Sent<JsonNode> sent = ExactlyOnce.killDuring(() -> nurse.eportal().resubmit(batch), when,
                delayMillis, server::kill);
        server.start();
        return sent.lost();
    }

    /** The same batch sent again to the restarted server completes it, storing only what the crash did not. */
    private static void assertRetryCompletes(ExactlyOnce once, CredentialFixture.Signer nurse, Map<String, Object> batch,
                                             List<Long> ids) throws Exception {
        long storedBefore = once.stored(batch);
        once.assertCompleted(nurse, batch, nurse.eportal().resubmit(batch), storedBefore, ids);
    }
}
