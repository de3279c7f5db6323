package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.AgentProcess;
import org.medsign.cardagent.support.SoftHsm;
import org.medsign.cardagent.support.TestPki;

/** The "pull the card out and insert it again" step (M12) with a SoftHSM2 token and the simulation endpoints. */
class SoftHsmCardEventsIT {
    private static final String PIN = "161803";

    @TempDir
    static Path dir;
    private static AgentProcess agent;

    @BeforeAll
    static void startAgent() throws Exception {
        SoftHsm softHsm = SoftHsm.create(dir);
        softHsm.addToken("moving-card", PIN, TestPki.signingCard(TestPki.KeyType.EC, "Moving Professional"));
        agent = AgentProcess.start(softHsm.environment(), "--port", "0", "--pkcs11-library", SoftHsm.LIBRARY,
                "--pkcs11-token-label", "moving-card", "--state-dir", dir.resolve("state").toString());
    }

    @AfterAll
    static void stopAgent() throws Exception {
        if (agent != null) {
            agent.close();
        }
    }

    @Test
    void pullAndReinsertAsThePortalSeesIt() throws Exception {
        AgentClient client = agent.client();
        assertEquals(200, client.sign(TestPki.randomBytes(32), PIN).status());
        long start = client.get("/v1/events").json().get("last").asLong();

        CompletableFuture<AgentClient.Reply> waitForRemoval = poll(client, start);
        Thread.sleep(300);
        assertFalse(waitForRemoval.isDone(), "the long-poll must wait for the card");
        assertEquals(200, client.post("/v1/simulate/remove").status());
        JsonNode removed = waitForRemoval.get(5, TimeUnit.SECONDS).json();
        assertEquals("CARD_REMOVED", removed.get("events").get(0).get("type").asText());

        JsonNode status = client.get("/v1/status").json();
        assertFalse(status.get("cardPresent").asBoolean());
        assertTrue(status.get("certificate").isNull());
        AgentClient.Reply refused = client.sign(TestPki.randomBytes(32), PIN);
        assertEquals(409, refused.status());
        assertEquals("AGENT-CARD_ABSENT", refused.error());

        CompletableFuture<AgentClient.Reply> waitForInsertion = poll(client, removed.get("last").asLong());
        assertEquals(200, client.post("/v1/simulate/insert").status());
        assertEquals("CARD_INSERTED",
                waitForInsertion.get(5, TimeUnit.SECONDS).json().get("events").get(0).get("type").asText());

        JsonNode both = client.get("/v1/events?after=" + start).json();
        assertEquals(2, both.get("events").size());
        assertEquals("CARD_REMOVED", both.get("events").get(0).get("type").asText());
        assertEquals("CARD_INSERTED", both.get("events").get(1).get("type").asText());
        assertTrue(both.get("events").get(0).get("seq").asLong() < both.get("events").get(1).get("seq").asLong());
        assertEquals(both.get("events").get(1).get("seq").asLong(), both.get("last").asLong());

        assertTrue(client.get("/v1/status").json().get("cardPresent").asBoolean());
        assertEquals(200, client.sign(TestPki.randomBytes(32), PIN).status(), "the re-inserted card signs again");
    }

    private static CompletableFuture<AgentClient.Reply> poll(AgentClient client, long after) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return client.get("/v1/events?after=" + after + "&waitMillis=20000");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
