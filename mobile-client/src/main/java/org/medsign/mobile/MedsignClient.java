package org.medsign.mobile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The mobile API as a phone uses it. One instance talks to one server ({@code https://host/medsign});
 * every refusal surfaces as a {@link MedsignApiException} carrying the server's error code.
 */
public class MedsignClient {

    /** The API version this client speaks; a server answering another major version is refused. */
    public static final int API_VERSION = 1;

    private final URI base;
    private final HttpClient http;
    private final ObjectMapper json = mapper();

    public MedsignClient(URI server) {
        String s = server.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    public URI server() {
        return base;
    }

    public ServerHealth health() {
        return get("api/v1/health", ServerHealth.class);
    }

    /** The JSON settings the client uses for the API and its own files. */
    public static ObjectMapper mapper() {
        return new ObjectMapper().registerModule(new JavaTimeModule())
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }

    <T> T post(String path, Object body, Class<T> type) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                    .header("Accept", "application/json")
                    .header("Accept-Language", "zh-TW")
                    .header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            return send(request, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    <T> T get(String path, Class<T> type) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json")
                .header("Accept-Language", "zh-TW")
                .timeout(Duration.ofSeconds(30))
                .GET().build();
        return send(request, type);
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/problem+json")) {
                throw new MedsignApiException(json.readValue(response.body(), ApiProblem.class));
            }
            if (response.statusCode() >= 400 && response.statusCode() != 503) {
                throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
