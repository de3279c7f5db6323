package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.SoftCardAgent;
import org.medsign.cardagent.support.TestPki;

/** Pulling and re-inserting the soft card through the simulation endpoints, and the events long-poll. */
class SoftCardEventsTest {
    private static TestPki.Card card;

    @TempDir
    Path dir;
    private SoftCardAgent agent;
    private AgentClient client;

    @BeforeAll
    static void makeCard() {
        card = TestPki.signingCard(TestPki.KeyType.EC, "Moving Card");
    }

    @BeforeEach
    void start() throws Exception {
        agent = SoftCardAgent.start(dir, card, Map.of());
        client = agent.client();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void removalHidesTheCardUntilItIsInsertedAgain() throws Exception {
        assertEquals(200, client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN).status());

        AgentClient.Reply removed = client.post("/v1/simulate/remove");
        assertEquals(200, removed.status());
        assertFalse(removed.json().get("cardPresent").asBoolean());
        assertEquals("CARD_REMOVED", removed.json().get("event").get("type").asText());

        JsonNode status = client.get("/v1/status").json();
        assertFalse(status.get("cardPresent").asBoolean());
        assertTrue(status.get("certificate").isNull(), "the pulled card's certificate must not be shown");
        AgentClient.Reply refused = client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN);
        assertEquals(409, refused.status());
        assertEquals("AGENT-CARD_ABSENT", refused.error());
        assertTrue(client.post("/v1/simulate/remove").json().get("event").isNull(), "already out: no event");

        AgentClient.Reply inserted = client.post("/v1/simulate/insert");
        assertTrue(inserted.json().get("cardPresent").asBoolean());
        assertEquals("CARD_INSERTED", inserted.json().get("event").get("type").asText());
        assertTrue(client.get("/v1/status").json().get("cardPresent").asBoolean());
        assertEquals(200, client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN).status());
    }

    @Test
    void eventsComeInOrderAfterTheLastSeen() throws Exception {
        JsonNode none = client.get("/v1/events?after=0").json();
        assertEquals(0, none.get("events").size());
        assertEquals(0, none.get("last").asLong());

        client.post("/v1/simulate/remove");
        client.post("/v1/simulate/insert");

        JsonNode both = client.get("/v1/events?after=0").json();
        assertEquals(2, both.get("last").asLong());
        assertEquals(2, both.get("events").size());
        assertEquals("CARD_REMOVED", both.get("events").get(0).get("type").asText());
        assertEquals(1, both.get("events").get(0).get("seq").asLong());
        assertEquals("CARD_INSERTED", both.get("events").get(1).get("type").asText());
        assertEquals(2, both.get("events").get(1).get("seq").asLong());
        assertTrue(both.get("events").get(0).get("at").asText().matches("\\d{4}-\\d{2}-\\d{2}T.*Z"));

        JsonNode later = client.get("/v1/events?after=1").json();
        assertEquals(1, later.get("events").size());
        assertEquals("CARD_INSERTED", later.get("events").get(0).get("type").asText());
    }

    @Test
    void aLongPollReturnsAsSoonAsTheCardIsPulled() throws Exception {
        long started = System.nanoTime();
        CompletableFuture<AgentClient.Reply> poll = CompletableFuture.supplyAsync(() -> {
            try {
                return client.get("/v1/events?after=0&waitMillis=20000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(300);
        assertFalse(poll.isDone(), "nothing happened yet: the poll must wait");

        client.post("/v1/simulate/remove");

        JsonNode events = poll.get(5, TimeUnit.SECONDS).json();
        assertEquals(1, events.get("events").size());
        assertEquals("CARD_REMOVED", events.get("events").get(0).get("type").asText());
        assertTrue(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started) < 10_000);
    }

    @Test
    void aLongPollWithoutNewsEndsAfterTheWait() throws Exception {
        long started = System.nanoTime();

        JsonNode events = client.get("/v1/events?after=0&waitMillis=400").json();

        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertEquals(0, events.get("events").size());
        assertTrue(tookMillis >= 350, "returned after " + tookMillis + " ms");
    }

    @Test
    void anAfterBeyondTheNewestEventMeansTheAgentRestarted() throws Exception {
        client.post("/v1/simulate/remove");

        JsonNode events = client.get("/v1/events?after=99&waitMillis=5000").json();

        assertEquals(1, events.get("last").asLong());
        assertEquals(1, events.get("events").size());
    }

    @Test
    void simulationIsRefusedWhenOff() throws Exception {
        try (SoftCardAgent real = SoftCardAgent.start(dir.resolve("off"), card,
                Map.of("simulate-card-events", "false"))) {
            assertFalse(real.client().get("/v1/status").json().get("simulateCardEvents").asBoolean());
            AgentClient.Reply reply = real.client().post("/v1/simulate/remove");
            assertEquals(404, reply.status());
            assertEquals("AGENT-SIMULATION_DISABLED", reply.error());
            assertTrue(real.client().get("/v1/status").json().get("cardPresent").asBoolean());
        }
    }
}
