package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.AgentProcess;
import org.medsign.cardagent.support.SoftHsm;
import org.medsign.cardagent.support.TestPki;

/** SoftHSM2 never locks a token, so the agent does: across restarts, until {@code --unlock}. */
class SoftHsmPinLockIT {
    private static final String PIN = "314159";
    private static final String WRONG = "271828";

    @TempDir
    static Path dir;
    private static SoftHsm softHsm;
    private static Path config;

    @BeforeAll
    static void makeToken() throws Exception {
        softHsm = SoftHsm.create(dir);
        softHsm.addToken("lock-card", PIN, TestPki.signingCard(TestPki.KeyType.RSA, "Locked Professional"));
        // a config file as a staff PC would have it; its relative state-dir is relative to the file
        config = Files.writeString(dir.resolve("agent.properties"), String.join("\n",
                "port=0",
                "pkcs11-library=" + SoftHsm.LIBRARY,
                "pkcs11-token-label=lock-card",
                "state-dir=state",
                ""));
    }

    @Test
    void threeWrongPinsLockTheCardAcrossRestartsUntilUnlocked() throws Exception {
        try (AgentProcess agent = AgentProcess.start(softHsm.environment(), "--config", config.toString())) {
            AgentClient client = agent.client();
            assertWrong(client.sign(TestPki.randomBytes(16), WRONG), 2);
            assertWrong(client.sign(TestPki.randomBytes(16), WRONG), 1);
            assertLocked(client.sign(TestPki.randomBytes(16), WRONG));
            assertLocked(client.sign(TestPki.randomBytes(16), PIN));
        }
        assertTrue(Files.exists(dir.resolve("state/pin-counter.properties")));

        try (AgentProcess agent = AgentProcess.start(softHsm.environment(), "--config", config.toString())) {
            JsonNode status = agent.client().get("/v1/status").json();
            assertTrue(status.get("locked").asBoolean(), "a restart must not reset the counter");
            assertEquals(0, status.get("pinTriesLeft").asInt());
            assertLocked(agent.client().sign(TestPki.randomBytes(16), PIN));

            AgentProcess.Result unlock = AgentProcess.run(softHsm.environment(), "--config", config.toString(), "--unlock");
            assertEquals(0, unlock.exitCode(), unlock.output());

            status = agent.client().get("/v1/status").json();
            assertFalse(status.get("locked").asBoolean());
            assertEquals(3, status.get("pinTriesLeft").asInt());
            assertEquals(200, agent.client().sign(TestPki.randomBytes(16), PIN).status());
        }
    }

    @Test
    void unlockRefusesCardsThatCountThemselves() throws Exception {
        AgentProcess.Result unlock = AgentProcess.run(softHsm.environment(), "--config", config.toString(),
                "--agent-pin-counter", "false", "--unlock");

        assertEquals(2, unlock.exitCode(), unlock.output());
    }

    private static void assertWrong(AgentClient.Reply reply, int left) {
        assertEquals(401, reply.status(), reply.json().toString());
        assertEquals("AGENT-PIN_WRONG", reply.error());
        assertEquals(left, reply.json().get("pinTriesLeft").asInt());
    }

    private static void assertLocked(AgentClient.Reply reply) {
        assertEquals(423, reply.status(), reply.json().toString());
        assertEquals("AGENT-PIN_LOCKED", reply.error());
    }
}
