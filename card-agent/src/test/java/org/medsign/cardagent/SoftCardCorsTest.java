package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.SoftCardAgent;
import org.medsign.cardagent.support.TestPki;

/** Which pages and hosts the agent answers. */
class SoftCardCorsTest {
    private static final String FOREIGN = "https://evil.example";
    private static TestPki.Card card;

    @TempDir
    Path dir;
    private SoftCardAgent agent;
    private AgentClient client;

    @BeforeAll
    static void makeCard() {
        card = TestPki.signingCard(TestPki.KeyType.EC, "Cors Card");
    }

    @BeforeEach
    void start() throws Exception {
        agent = SoftCardAgent.start(dir, card,
                Map.of("allowed-origins", "https://localhost:8443, https://portal.hospital.example"));
        client = agent.client();
    }

    @AfterEach
    void stop() {
        agent.close();
    }

    @Test
    void anAllowedOriginGetsItsOwnOriginBack() throws Exception {
        AgentClient.Reply reply = client.get("/v1/status", "https://portal.hospital.example");

        assertEquals(200, reply.status());
        assertEquals("https://portal.hospital.example", reply.header("Access-Control-Allow-Origin"));
        assertEquals("Origin", reply.header("Vary"));
    }

    @Test
    void errorsToAnAllowedOriginAreReadableByThePage() throws Exception {
        AgentClient.Reply reply = client.sign(TestPki.randomBytes(16), "000000");

        assertEquals(401, reply.status());
        assertEquals(AgentClient.PORTAL, reply.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aForeignOriginIsRefusedWithoutCorsHeaders() throws Exception {
        for (String origin : new String[] {FOREIGN, "null", "https://localhost:8444", "http://localhost:8443", "https://127.0.0.1:8443"}) {
            AgentClient.Reply reply = client.get("/v1/status", origin);

            assertEquals(403, reply.status(), origin);
            assertEquals("AGENT-ORIGIN_REFUSED", reply.error());
            assertNull(reply.header("Access-Control-Allow-Origin"), origin);
        }
    }

    @Test
    void aForeignOriginCannotSign() throws Exception {
        AgentClient.Reply reply = client.post("/v1/sign", FOREIGN, "text/plain",
                "{\"challenge\":\"AAAAAAAAAAAAAAAAAAAAAA\",\"pin\":\"" + SoftCardAgent.PIN + "\",\"purpose\":\"login\"}");

        assertEquals(403, reply.status());
        assertEquals(3, client.get("/v1/status").json().get("pinTriesLeft").asInt(), "the PIN never reached the card");
    }

    @Test
    void preflightAnswersMethodsHeadersAndPrivateNetwork() throws Exception {
        AgentClient.Reply reply = client.preflight("/v1/sign", AgentClient.PORTAL,
                "Access-Control-Request-Private-Network", "true");

        assertEquals(204, reply.status());
        assertEquals(AgentClient.PORTAL, reply.header("Access-Control-Allow-Origin"));
        assertTrue(reply.header("Access-Control-Allow-Methods").contains("POST"));
        assertTrue(reply.header("Access-Control-Allow-Headers").contains("Content-Type"));
        assertEquals("true", reply.header("Access-Control-Allow-Private-Network"));
    }

    @Test
    void preflightWithoutThePrivateNetworkQuestionGetsNoSuchAnswer() throws Exception {
        AgentClient.Reply reply = client.preflight("/v1/sign", AgentClient.PORTAL);

        assertEquals(204, reply.status());
        assertNull(reply.header("Access-Control-Allow-Private-Network"));
    }

    @Test
    void preflightFromAForeignOriginIsRefused() throws Exception {
        AgentClient.Reply reply = client.preflight("/v1/sign", FOREIGN, "Access-Control-Request-Private-Network", "true");

        assertEquals(403, reply.status());
        assertNull(reply.header("Access-Control-Allow-Origin"));
        assertNull(reply.header("Access-Control-Allow-Private-Network"));
    }

    @Test
    void programsWithoutAnOriginAreAnsweredWithoutCorsHeaders() throws Exception {
        AgentClient.Reply reply = client.get("/v1/status", null);

        assertEquals(200, reply.status());
        assertNull(reply.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aForeignHostNameIsRefusedAgainstDnsRebinding() throws Exception {
        assertTrue(rawGet("evil.example:" + agent.port()).startsWith("HTTP/1.1 403"));
        String refused = rawGet("evil.example:" + agent.port());
        assertTrue(refused.contains("AGENT-HOST_REFUSED"), refused);
        assertTrue(rawGet("localhost:" + agent.port()).startsWith("HTTP/1.1 200"));
        assertTrue(rawGet("127.0.0.1:" + agent.port()).startsWith("HTTP/1.1 200"));
    }

    /** The JDK's HttpClient will not send a chosen Host header, so this one speaks HTTP itself. */
    private String rawGet(String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), agent.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/status HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
