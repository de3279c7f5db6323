package org.medsign.mobile;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A batch is sent again, unchanged, while a balancer answers for a dead node; an answer of medsign's own ends it. */
class BatchDeliveryTest {

    private static final Map<String, Object> BATCH = Map.of("batchId", "6f1c0d2e-0000-4000-8000-000000000001",
            "deviceId", "d1", "items", List.of());

    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private IntFunction<Reply> replies;

    private record Reply(int status, String type, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/medsign/api/v1/signatures", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Reply reply = replies.apply(bodies.size());
            byte[] body = reply.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", reply.type());
            exchange.sendResponseHeaders(reply.status(), body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private EPortalClient eportal() throws Exception {
        return new EPortalClient(new MedsignClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/medsign"), SSLContext.getDefault()));
    }

    @Test
    void theSameBatchIsSentAgainUntilANodeAnswers() throws Exception {
        replies = n -> n < 3 ? new Reply(502, "text/html", "<html>502 Bad Gateway</html>")
                : new Reply(200, "application/json", "{\"result\":{\"signed\":0}}");
        EPortalClient.Delivery delivery = eportal().deliver(BATCH, 5, Duration.ZERO);
        assertEquals(3, delivery.attempts());
        assertEquals(0, delivery.answer().path("result").path("signed").asInt());
        assertEquals(List.of(bodies.get(0), bodies.get(0), bodies.get(0)), bodies, "the same batch, same batchId");
    }

    @Test
    void aCodedAnswerIsNotRepeated() throws Exception {
        replies = n -> new Reply(503, "application/problem+json", "{\"status\":503,\"code\":\"MS-9003\"}");
        MedsignApiException refused = assertThrows(MedsignApiException.class, () -> eportal().deliver(BATCH, 5, Duration.ZERO));
        assertEquals("MS-9003", refused.code());
        assertEquals(1, bodies.size());
    }

    @Test
    void itGivesUpAfterItsAttempts() throws Exception {
        replies = n -> new Reply(503, "text/html", "<html>No server is available</html>");
        assertThrows(NoAnswerException.class, () -> eportal().deliver(BATCH, 4, Duration.ZERO));
        assertEquals(4, bodies.size());
    }
}
