package org.medsign.cardagent.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;

/** Talks to an agent over real HTTP as the portal page would, with a page origin or none. */
public final class AgentClient {
    public static final String PORTAL = "https://localhost:8443";
    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;

    /** One answer: status, headers and the JSON body (an empty object when there is none). */
    public record Reply(int status, HttpHeaders headers, JsonNode json) {
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String error() {
            return json.path("error").asText(null);
        }
    }

    public AgentClient(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    public Reply get(String path) throws IOException, InterruptedException {
        return send(request(path, PORTAL).GET().build());
    }

    public Reply get(String path, String origin) throws IOException, InterruptedException {
        return send(request(path, origin).GET().build());
    }

    public Reply post(String path, String origin, String contentType, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path, origin).POST(HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.build());
    }

    public Reply post(String path) throws IOException, InterruptedException {
        return post(path, PORTAL, null, "");
    }

    /** A browser's preflight; {@code extraHeaders} are name, value pairs. */
    public Reply preflight(String path, String origin, String... extraHeaders) throws IOException, InterruptedException {
        HttpRequest.Builder builder = request(path, origin)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type");
        for (int i = 0; i < extraHeaders.length; i += 2) {
            builder.header(extraHeaders[i], extraHeaders[i + 1]);
        }
        return send(builder.build());
    }

    public Reply sign(byte[] challenge, String pin) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode()
                .put("challenge", Base64.getUrlEncoder().withoutPadding().encodeToString(challenge))
                .put("pin", pin)
                .put("purpose", "login");
        return post("/v1/sign", PORTAL, "application/json", body.toString());
    }

    private HttpRequest.Builder request(String path, String origin) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(40));
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder;
    }

    private Reply send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        JsonNode json = body == null || body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body);
        return new Reply(response.statusCode(), response.headers(), json);
    }
}
