package org.medsign.cardagent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.support.AgentClient;
import org.medsign.cardagent.support.SoftCardAgent;
import org.medsign.cardagent.support.TestPki;

/** Requests the protocol refuses, each with its stable code. */
class SoftCardProtocolErrorsTest {
    private static TestPki.Card card;

    @TempDir
    Path dir;
    private SoftCardAgent agent;
    private AgentClient client;

    @BeforeAll
    static void makeCard() {
        card = TestPki.signingCard(TestPki.KeyType.EC, "Strict Card");
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
    void otherProtocolVersionsAreNamedAsSuch() throws Exception {
        assertError(client.get("/v2/status"), 404, "AGENT-PROTOCOL_UNSUPPORTED");
        assertError(client.get("/v1/nothing"), 404, "AGENT-NOT_FOUND");
        assertError(client.get("/status"), 404, "AGENT-NOT_FOUND");
    }

    @Test
    void eachEndpointHasItsMethod() throws Exception {
        assertError(client.get("/v1/sign"), 405, "AGENT-METHOD_NOT_ALLOWED");
        assertError(client.post("/v1/status"), 405, "AGENT-METHOD_NOT_ALLOWED");
        assertError(client.get("/v1/simulate/remove"), 405, "AGENT-METHOD_NOT_ALLOWED");
    }

    @Test
    void signWantsJson() throws Exception {
        assertError(client.post("/v1/sign", AgentClient.PORTAL, "text/plain", body(challenge(16), "\"login\"")),
                415, "AGENT-UNSUPPORTED_MEDIA_TYPE");
        assertError(sign("{not json"), 400, "AGENT-BAD_REQUEST");
        assertError(sign("[]"), 400, "AGENT-BAD_REQUEST");
        assertError(sign("null"), 400, "AGENT-BAD_REQUEST");
        assertError(sign("{\"challenge\":\"" + challenge(16) + "\",\"pin\":\"" + SoftCardAgent.PIN
                + "\",\"purpose\":\"login\",\"extra\":1}"), 400, "AGENT-BAD_REQUEST");
    }

    @Test
    void theChallengeIsBase64urlOfSixteenTo1024Bytes() throws Exception {
        assertError(sign(body(challenge(15), "\"login\"")), 400, "AGENT-BAD_REQUEST");
        assertError(sign(body(challenge(1025), "\"login\"")), 400, "AGENT-BAD_REQUEST");
        assertError(sign(body("++++////++++////++++////", "\"login\"")), 400, "AGENT-BAD_REQUEST");
        assertError(sign("{\"pin\":\"" + SoftCardAgent.PIN + "\",\"purpose\":\"login\"}"), 400, "AGENT-BAD_REQUEST");
        String padded = Base64.getUrlEncoder().encodeToString(TestPki.randomBytes(17));
        assertEquals(200, sign(body(padded, "\"presence\"")).status());
        assertEquals(200, sign(body(challenge(1024), "\"login\"")).status());
    }

    @Test
    void purposeAndPinAreChecked() throws Exception {
        assertError(sign(body(challenge(16), "\"payment\"")), 400, "AGENT-BAD_REQUEST");
        assertError(sign(body(challenge(16), "null")), 400, "AGENT-BAD_REQUEST");
        assertError(sign("{\"challenge\":\"" + challenge(16) + "\",\"pin\":\"12\",\"purpose\":\"login\"}"),
                400, "AGENT-BAD_REQUEST");
        assertEquals(3, client.get("/v1/status").json().get("pinTriesLeft").asInt(), "malformed requests cost no try");
    }

    @Test
    void bodiesOver16KiBAreRefusedAnnouncedOrNot() throws Exception {
        String big = "{\"challenge\":\"" + "A".repeat(17 * 1024) + "\"}";
        assertError(sign(big), 413, "AGENT-BODY_TOO_LARGE");

        HttpRequest chunked = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + agent.port() + "/v1/sign"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big.getBytes())))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(chunked, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertTrue(response.body().contains("AGENT-BODY_TOO_LARGE"));
    }

    @Test
    void eventParametersAreWholeNumbers() throws Exception {
        assertError(client.get("/v1/events?after=-1"), 400, "AGENT-BAD_REQUEST");
        assertError(client.get("/v1/events?waitMillis=soon"), 400, "AGENT-BAD_REQUEST");
        assertEquals(200, client.get("/v1/events?after=0&waitMillis=0").status());
    }

    private AgentClient.Reply sign(String json) throws Exception {
        return client.post("/v1/sign", AgentClient.PORTAL, "application/json", json);
    }

    private static String body(String challenge, String purpose) {
        return "{\"challenge\":\"" + challenge + "\",\"pin\":\"" + SoftCardAgent.PIN + "\",\"purpose\":" + purpose + "}";
    }

    private static String challenge(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(TestPki.randomBytes(bytes));
    }

    private static void assertError(AgentClient.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply.json().toString());
        assertEquals(code, reply.error());
        assertTrue(reply.json().hasNonNull("message"));
    }
}
