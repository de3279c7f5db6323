package org.medsign.mobile;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Drives the CLI against a local HTTP server that answers as the medsign API does. */
class MobileCliTest {

    private HttpServer server;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(String path, int status, String type, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", type);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }

    private int run(String... args) {
        MobileCli cli = new MobileCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/medsign";
        List<String> all = new java.util.ArrayList<>(List.of("--server", url));
        all.addAll(List.of(args));
        return cli.run(all);
    }

    @Test
    void reportsAHealthyServer() {
        answer("/medsign/api/v1/health", 200, "application/json", "{\"status\":\"UP\",\"version\":\"1.0.0\",\"apiVersion\":1}");
        assertEquals(0, run("health"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("UP (medsign 1.0.0, API v1)"));
    }

    @Test
    void printsJsonForScripts() {
        answer("/medsign/api/v1/health", 200, "application/json", "{\"status\":\"UP\",\"version\":\"1.0.0\",\"apiVersion\":1}");
        assertEquals(0, run("--json", "health"));
        assertEquals("{\"status\":\"UP\",\"version\":\"1.0.0\",\"apiVersion\":1}", out.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void showsTheErrorCodeOfARefusal() {
        answer("/medsign/api/v1/health", 404, "application/problem+json",
                "{\"title\":\"查無資料\",\"status\":404,\"detail\":\"查無此資料或網址。\",\"code\":\"MS-9001\",\"action\":\"請確認網址\"}");
        assertEquals(1, run("health"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("[MS-9001] 查無此資料或網址。"));
    }

    @Test
    void refusesAServerOfAnotherApiVersion() {
        answer("/medsign/api/v1/health", 200, "application/json", "{\"status\":\"UP\",\"version\":\"9\",\"apiVersion\":2}");
        assertEquals(1, run("health"));
    }

    @Test
    void saysWhenTheServerCannotBeReached() {
        server.stop(0);
        assertEquals(3, run("health"));
    }

    @Test
    void rejectsUnknownCommands() {
        assertEquals(2, run("frobnicate"));
    }
}
