package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.LogCapture;
import org.medsign.cardagent.support.SoftCardAgent;
import org.medsign.cardagent.support.TestPki;

/** Status and signing over real HTTP with a PKCS#12 soft card in this JVM. */
class SoftCardSigningTest {
    private static TestPki.Card card;

    @TempDir
    Path dir;
    private SoftCardAgent agent;
    private AgentClient client;
    private LogCapture log;

    @BeforeAll
    static void makeCard() {
        card = TestPki.signingCard(TestPki.KeyType.EC, "Soft Card");
    }

    @BeforeEach
    void start() throws Exception {
        log = new LogCapture();
        agent = SoftCardAgent.start(dir, card, Map.of());
        client = agent.client();
    }

    @AfterEach
    void stop() {
        agent.close();
        log.close();
    }

    @Test
    void statusDescribesTheSoftCardBeforeThePin() throws Exception {
        AgentClient.Reply reply = client.get("/v1/status");

        assertEquals(200, reply.status());
        JsonNode status = reply.json();
        assertEquals(1, status.get("protocol").asInt());
        assertEquals("1.0.0", status.get("agentVersion").asText());
        assertEquals("pkcs12", status.get("backend").asText());
        assertTrue(status.get("readerPresent").asBoolean());
        assertTrue(status.get("cardPresent").asBoolean());
        assertTrue(status.get("certificate").isNull(), "a .p12 shows its certificate only after the PIN");
        assertEquals(0, status.get("certificateChain").size());
        assertEquals(3, status.get("pinTriesLeft").asInt());
        assertFalse(status.get("locked").asBoolean());
        assertTrue(status.get("simulateCardEvents").asBoolean());
        assertEquals("no-store", reply.header("Cache-Control"));
    }

    @Test
    void signsTheRawChallengeWithTheCardKey() throws Exception {
        byte[] challenge = TestPki.randomBytes(32);

        AgentClient.Reply reply = client.sign(challenge, SoftCardAgent.PIN);

        assertEquals(200, reply.status(), reply.json().toString());
        assertEquals("SHA256withECDSA", reply.json().get("algorithm").asText());
        X509Certificate certificate = TestPki.parsePem(reply.json().get("certificate").asText());
        assertEquals(card.certificate(), certificate);
        JsonNode chain = reply.json().get("certificateChain");
        assertEquals(2, chain.size());
        assertEquals(card.certificate(), TestPki.parsePem(chain.get(0).asText()));
        assertEquals(card.ca(), TestPki.parsePem(chain.get(1).asText()));
        byte[] signature = Base64.getDecoder().decode(reply.json().get("signature").asText());
        assertTrue(TestPki.verifies(certificate, "SHA256withECDSA", challenge, signature));
        assertFalse(TestPki.verifies(certificate, "SHA256withECDSA", TestPki.randomBytes(32), signature));
    }

    @Test
    void statusShowsTheCertificateOnceThePinOpenedTheCard() throws Exception {
        assertEquals(200, client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN).status());

        JsonNode status = client.get("/v1/status").json();

        assertEquals(card.certificate(), TestPki.parsePem(status.get("certificate").asText()));
        assertEquals(2, status.get("certificateChain").size());
    }

    @Test
    void aMissingCardFileIsAnAbsentCard() throws Exception {
        Files.delete(dir.resolve("card.p12"));

        assertFalse(client.get("/v1/status").json().get("cardPresent").asBoolean());
        AgentClient.Reply reply = client.sign(TestPki.randomBytes(16), SoftCardAgent.PIN);
        assertEquals(409, reply.status());
        assertEquals("AGENT-CARD_ABSENT", reply.error());
    }

    @Test
    void theLogNamesRequestsButNeverThePinOrSignature() throws Exception {
        AgentClient.Reply signed = client.sign(TestPki.randomBytes(48), SoftCardAgent.PIN);
        client.sign(TestPki.randomBytes(48), "975319");

        String logged = log.text();
        assertTrue(logged.contains("POST /v1/sign origin=" + AgentClient.PORTAL + " -> 200"), logged);
        assertTrue(logged.contains("POST /v1/sign origin=" + AgentClient.PORTAL + " -> 401"), logged);
        assertFalse(logged.contains(SoftCardAgent.PIN), logged);
        assertFalse(logged.contains("975319"), logged);
        assertFalse(logged.contains(signed.json().get("signature").asText()), logged);
    }

    @Test
    void theSignatureIsOverExactlyTheChallengeBytes() throws Exception {
        byte[] challenge = TestPki.randomBytes(1024);
        JsonNode reply = client.sign(challenge, SoftCardAgent.PIN).json();
        byte[] signature = Base64.getDecoder().decode(reply.get("signature").asText());
        byte[] truncated = Arrays.copyOf(challenge, 1023);

        assertTrue(TestPki.verifies(card.certificate(), "SHA256withECDSA", challenge, signature));
        assertFalse(TestPki.verifies(card.certificate(), "SHA256withECDSA", truncated, signature));
        assertArrayEquals(card.certificate().getEncoded(),
                TestPki.parsePem(reply.get("certificate").asText()).getEncoded());
    }
}
