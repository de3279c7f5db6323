package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.SoftCardAgent;
import org.medsign.cardagent.support.TestPki;

/** The agent's own wrong-PIN counter for a soft card, over real HTTP. */
class SoftCardPinLockTest {
    private static final String WRONG = "111111";
    private static TestPki.Card card;

    @TempDir
    Path dir;

    @BeforeAll
    static void makeCard() {
        card = TestPki.signingCard(TestPki.KeyType.RSA, "Locked Card");
    }

    @Test
    void wrongPinsCountDownThenLockEvenTheRightPin() throws Exception {
        try (SoftCardAgent agent = SoftCardAgent.start(dir, card, Map.of())) {
            AgentClient client = agent.client();

            assertWrongPin(client.sign(TestPki.randomBytes(16), WRONG), 2);
            assertWrongPin(client.sign(TestPki.randomBytes(16), WRONG), 1);
            assertLocked(client.sign(TestPki.randomBytes(16), WRONG));
            assertLocked(client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN));

            JsonNode status = client.get("/v1/status").json();
            assertTrue(status.get("locked").asBoolean());
            assertEquals(0, status.get("pinTriesLeft").asInt());
        }
    }

    @Test
    void aRightPinStartsTheCountOver() throws Exception {
        try (SoftCardAgent agent = SoftCardAgent.start(dir, card, Map.of("pin-tries", "2"))) {
            AgentClient client = agent.client();

            assertWrongPin(client.sign(TestPki.randomBytes(16), WRONG), 1);
            assertEquals(200, client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN).status());
            assertEquals(2, client.get("/v1/status").json().get("pinTriesLeft").asInt());
            assertWrongPin(client.sign(TestPki.randomBytes(16), WRONG), 1);
        }
    }

    @Test
    void theLockSurvivesARestartUntilUnlock() throws Exception {
        try (SoftCardAgent agent = SoftCardAgent.start(dir, card, Map.of("pin-tries", "1"))) {
            assertLocked(agent.client().sign(TestPki.randomBytes(16), WRONG));
        }
        try (SoftCardAgent agent = SoftCardAgent.start(dir, card, Map.of("pin-tries", "1"))) {
            AgentClient client = agent.client();
            assertTrue(client.get("/v1/status").json().get("locked").asBoolean());
            assertLocked(client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = Main.run(new String[] {"--unlock", "--pkcs12-file", dir.resolve("card.p12").toString(),
                    "--state-dir", dir.resolve("state").toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err);
            assertEquals(0, exit);
            assertTrue(out.toString(StandardCharsets.UTF_8).contains("PIN counter reset"));

            JsonNode status = client.get("/v1/status").json();
            assertFalse(status.get("locked").asBoolean());
            assertEquals(200, client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN).status());
        }
    }

    private static void assertWrongPin(AgentClient.Reply reply, int triesLeft) {
        assertEquals(401, reply.status(), reply.json().toString());
        assertEquals("AGENT-PIN_WRONG", reply.error());
        assertEquals(triesLeft, reply.json().get("pinTriesLeft").asInt());
    }

    private static void assertLocked(AgentClient.Reply reply) {
        assertEquals(423, reply.status(), reply.json().toString());
        assertEquals("AGENT-PIN_LOCKED", reply.error());
        assertEquals(0, reply.json().get("pinTriesLeft").asInt());
    }
}
