package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.AgentProcess;
import org.medsign.cardagent.support.SoftHsm;
import org.medsign.cardagent.support.TestPki;

/** The shaded jar against real SoftHSM2 tokens through SunPKCS11, driven over HTTP. */
class SoftHsmSigningIT {
    private static final String RSA_PIN = "246813";
    private static final String EC_PIN = "135792";
    private static final String WRONG_PIN = "975319";

    @TempDir
    static Path dir;
    private static SoftHsm softHsm;
    private static TestPki.Card rsaCard;
    private static TestPki.Card ecCard;
    private static AgentProcess rsaAgent;
    private static AgentProcess ecAgent;

    @BeforeAll
    static void startAgents() throws Exception {
        softHsm = SoftHsm.create(dir);
        rsaCard = TestPki.signingCard(TestPki.KeyType.RSA, "RSA Professional");
        ecCard = TestPki.signingCard(TestPki.KeyType.EC, "EC Professional");
        softHsm.addToken("rsa-card", RSA_PIN, rsaCard);
        softHsm.addToken("ec-card", EC_PIN, ecCard);
        rsaAgent = agent("rsa-card", "rsa-state");
        ecAgent = agent("ec-card", "ec-state");
    }

    @AfterAll
    static void stopAgents() throws Exception {
        if (rsaAgent != null) {
            rsaAgent.close();
        }
        if (ecAgent != null) {
            ecAgent.close();
        }
    }

    @Test
    void statusSeesTheTokenAsACard() throws Exception {
        AgentClient.Reply reply = rsaAgent.client().get("/v1/status");

        assertEquals(200, reply.status());
        JsonNode status = reply.json();
        assertEquals("pkcs11", status.get("backend").asText());
        assertTrue(status.get("readerPresent").asBoolean());
        assertTrue(status.get("cardPresent").asBoolean());
        assertEquals(3, status.get("pinTriesLeft").asInt(), "SoftHSM2 gets the agent's own counter");
        assertFalse(status.get("locked").asBoolean());
        assertTrue(status.get("simulateCardEvents").asBoolean());
        assertEquals(AgentClient.PORTAL, reply.header("Access-Control-Allow-Origin"));
    }

    @Test
    void signsWithTheRsaKeyOnTheToken() throws Exception {
        byte[] challenge = TestPki.randomBytes(32);

        AgentClient.Reply reply = rsaAgent.client().sign(challenge, RSA_PIN);

        assertEquals(200, reply.status(), reply.json().toString());
        assertEquals("SHA256withRSA", reply.json().get("algorithm").asText());
        X509Certificate certificate = TestPki.parsePem(reply.json().get("certificate").asText());
        assertEquals(rsaCard.certificate(), certificate);
        JsonNode chain = reply.json().get("certificateChain");
        assertEquals(2, chain.size(), "SunPKCS11 builds the chain from the CA certificate on the token");
        assertEquals(rsaCard.ca(), TestPki.parsePem(chain.get(1).asText()));
        byte[] signature = Base64.getDecoder().decode(reply.json().get("signature").asText());
        assertTrue(TestPki.verifies(certificate, "SHA256withRSA", challenge, signature));

        JsonNode status = rsaAgent.client().get("/v1/status").json();
        assertEquals(rsaCard.certificate(), TestPki.parsePem(status.get("certificate").asText()));
    }

    @Test
    void signsWithTheEcKeyOfTheTokenChosenByLabel() throws Exception {
        byte[] challenge = TestPki.randomBytes(64);

        AgentClient.Reply reply = ecAgent.client().sign(challenge, EC_PIN);

        assertEquals(200, reply.status(), reply.json().toString());
        assertEquals("SHA256withECDSA", reply.json().get("algorithm").asText());
        assertEquals(ecCard.certificate(), TestPki.parsePem(reply.json().get("certificate").asText()));
        byte[] signature = Base64.getDecoder().decode(reply.json().get("signature").asText());
        assertTrue(TestPki.verifies(ecCard.certificate(), "SHA256withECDSA", challenge, signature));
    }

    @Test
    void aWrongPinFailsEvenRightAfterARightOne() throws Exception {
        // SunPKCS11 skips the login of a logged-in token: the agent must log out after every use
        assertEquals(200, rsaAgent.client().sign(TestPki.randomBytes(16), RSA_PIN).status());

        AgentClient.Reply wrong = rsaAgent.client().sign(TestPki.randomBytes(16), WRONG_PIN);

        assertEquals(401, wrong.status(), wrong.json().toString());
        assertEquals("AGENT-PIN_WRONG", wrong.error());
        assertEquals(2, wrong.json().get("pinTriesLeft").asInt());
        assertEquals(200, rsaAgent.client().sign(TestPki.randomBytes(16), RSA_PIN).status());
        assertEquals(3, rsaAgent.client().get("/v1/status").json().get("pinTriesLeft").asInt());
    }

    @Test
    void corsHoldsForTheRealAgent() throws Exception {
        AgentClient client = ecAgent.client();

        AgentClient.Reply foreign = client.get("/v1/status", "https://evil.example");
        assertEquals(403, foreign.status());
        assertNull(foreign.header("Access-Control-Allow-Origin"));

        AgentClient.Reply preflight = client.preflight("/v1/sign", "https://127.0.0.1:8443",
                "Access-Control-Request-Private-Network", "true");
        assertEquals(204, preflight.status());
        assertEquals("https://127.0.0.1:8443", preflight.header("Access-Control-Allow-Origin"));
        assertEquals("true", preflight.header("Access-Control-Allow-Private-Network"));
    }

    @Test
    void anAbsentTokenLabelIsNoCard() throws Exception {
        try (AgentProcess agent = agent("no-such-card", "absent-state")) {
            JsonNode status = agent.client().get("/v1/status").json();
            assertTrue(status.get("readerPresent").asBoolean());
            assertFalse(status.get("cardPresent").asBoolean());

            AgentClient.Reply reply = agent.client().sign(TestPki.randomBytes(16), RSA_PIN);
            assertEquals(409, reply.status());
            assertEquals("AGENT-CARD_ABSENT", reply.error());
        }
    }

    @Test
    void aMissingLibraryIsNoReader() throws Exception {
        try (AgentProcess agent = AgentProcess.start(softHsm.environment(), "--port", "0",
                "--pkcs11-library", dir.resolve("missing/libsofthsm2.so").toString(),
                "--state-dir", dir.resolve("missing-state").toString())) {
            JsonNode status = agent.client().get("/v1/status").json();
            assertFalse(status.get("readerPresent").asBoolean());
            assertFalse(status.get("cardPresent").asBoolean());

            AgentClient.Reply reply = agent.client().sign(TestPki.randomBytes(16), RSA_PIN);
            assertEquals(409, reply.status());
            assertEquals("AGENT-NO_READER", reply.error());
        }
    }

    @Test
    void aPcscReaderThatIsNotThereIsNoReader() throws Exception {
        // a build machine has no PC/SC service: the watcher must report no reader, not fail
        try (AgentProcess agent = AgentProcess.start(softHsm.environment(), "--port", "0",
                "--pkcs11-library", SoftHsm.LIBRARY, "--pcsc-reader", "auto",
                "--state-dir", dir.resolve("pcsc-state").toString())) {
            JsonNode status = agent.client().get("/v1/status").json();
            assertFalse(status.get("readerPresent").asBoolean());
            assertFalse(status.get("simulateCardEvents").asBoolean());
            assertEquals("AGENT-NO_READER", agent.client().sign(TestPki.randomBytes(16), RSA_PIN).error());
        }
    }

    @Test
    void theAgentNeverPrintsAPin() throws Exception {
        rsaAgent.client().sign(TestPki.randomBytes(16), WRONG_PIN);
        rsaAgent.client().sign(TestPki.randomBytes(16), RSA_PIN);
        ecAgent.client().sign(TestPki.randomBytes(16), EC_PIN);

        String output = rsaAgent.output() + "\n" + ecAgent.output();
        assertTrue(output.contains("POST /v1/sign origin=" + AgentClient.PORTAL + " -> 200"), output);
        assertFalse(output.contains(RSA_PIN), output);
        assertFalse(output.contains(EC_PIN), output);
        assertFalse(output.contains(WRONG_PIN), output);
    }

    private static AgentProcess agent(String tokenLabel, String stateDir) throws Exception {
        return AgentProcess.start(softHsm.environment(), "--port", "0", "--pkcs11-library", SoftHsm.LIBRARY,
                "--pkcs11-token-label", tokenLabel, "--state-dir", dir.resolve(stateDir).toString());
    }
}
