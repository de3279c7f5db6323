package org.medsign.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignApiException;
import org.medsign.signing.ExactlyOnce;
import org.medsign.signing.SignedBatch;
import org.medsign.systemtest.MedsignCluster;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.ThrowawayPostgres;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * medsign's PostgreSQL goes down and comes back under the two-node cluster (a PostgreSQL of the test's own; the HIS's
 * database stays up): a phone's batch and a portal page in flight meanwhile are answered MS-9003 with nothing
 * half-written, and once it is back the next request works on the same JVMs, as the pool validates each connection
 * it hands out (medsign.cli).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DatabaseRestartIT {

    private static ThrowawayPostgres postgres;
    private static MedsignCluster cluster;

    @BeforeAll
    static void start() {
        // a skipped class shows no assumption message in the build's output: say it there
        ThrowawayPostgres.unavailable().ifPresent(why -> System.out.println("[medsign system tests] DatabaseRestartIT"
                + " skipped: " + why));
        assumeTrue(ThrowawayPostgres.unavailable().isEmpty(), () -> ThrowawayPostgres.unavailable().orElseThrow());
        postgres = ThrowawayPostgres.start(5033 + MedsignCluster.OFFSET);
        cluster = MedsignCluster.start(postgres.admin());
    }

    @AfterAll
    static void stop() {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    @Order(10)
    void aBatchInFlightWhenTheDatabaseStopsIsRefusedWholeAndSentAgainSignsEachRecordOnce() throws Exception {
        ExactlyOnce once = new ExactlyOnce(cluster.database(), cluster.his());
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(cluster, "N0001", "資料庫重啟測試");
        nurse.bindEPortal("10.20.30.48");
        List<Long> ids = once.records(nurse);
        Map<String, Object> batch = SignedBatch.of(nurse, ids);
        long[] jvms = jvms();
        AtomicReference<MedsignCluster.Node> serving = new AtomicReference<>();
        ExactlyOnce.Sent<JsonNode> sent;
        try {
            sent = ExactlyOnce.killDuring(() -> nurse.eportal().resubmit(batch), () -> cluster.busyNode().map(node -> {
                serving.set(node);
                return true;
            }).orElse(false), 60, postgres::stop);
        } finally {
            postgres.begin();
        }
        assertNotNull(serving.get(), "the batch was in flight on a node when the database stopped");
        assertTrue(sent.lost(), () -> "the batch could not be stored: " + sent.answer());
        MedsignApiException refused = assertInstanceOf(MedsignApiException.class, sent.failure(),
                "an answer of medsign's own, with its code");
        assertEquals("MS-9003", refused.code(), refused.problem().toString());
        long storedBefore = once.stored(batch);

        // once the balancer has the nodes back (their health checks answer UP again), the phone sends the batch again
        cluster.awaitBalanced();
        EPortalClient.Delivery next = nurse.eportal().deliver(batch, 10, Duration.ofSeconds(2));
        once.assertCompleted(nurse, batch, next.answer(), storedBefore, ids);
        assertArrayEquals(jvms, jvms(), "the same JVMs answered: no node was restarted");
    }

    @Test
    @Order(20)
    void aPortalPageWhileTheDatabaseIsDownShowsMs9003AndTheNextOneWorks() throws Exception {
        // straight to node 1: while the database is down both nodes' health checks fail and the balancer, with no
        // node left, answers for them itself
        StaffSession nurse = StaffSession.logIn(cluster.node(1), "N0001");
        String counts = signingCounts(nurse.client().open("portal/home.xhtml"));
        long[] jvms = jvms();
        PortalClient.Page during;
        postgres.stop();
        try {
            during = nurse.client().open("portal/home.xhtml");
        } finally {
            postgres.begin();
        }
        assertTrue(during.document().select("#errorCode").text().startsWith("[MS-9003]"),
                () -> during.response().statusCode() + " " + during.path() + ": " + during.text());

        PortalClient.Page after = nurse.client().open("portal/home.xhtml");
        assertEquals(200, after.response().statusCode(), after.path());
        assertEquals(counts, signingCounts(after), "still logged in, the page as before the restart");
        assertArrayEquals(jvms, jvms(), "the same JVMs answered: no node was restarted");
    }

    private static String signingCounts(PortalClient.Page home) {
        String counts = home.document().select("[id$=signingCounts]").text();
        assertTrue(counts.matches(".*\\d+.*"), () -> home.path() + ": " + home.text());
        return counts;
    }

    private static long[] jvms() {
        return new long[]{cluster.node(1).pid(), cluster.node(2).pid()};
    }
}
