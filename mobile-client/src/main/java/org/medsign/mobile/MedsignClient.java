package org.medsign.mobile;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import javax.net.ssl.SSLContext;
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
    private final String token;
    private final HttpClient http;
    private final ObjectMapper json = mapper();

    /** A client that trusts the platform's certificate authorities. */
    public MedsignClient(URI server) {
        this(server, ServerTrust.platform());
    }

    /** A client that verifies the server's certificate against these authorities ({@link ServerTrust}). */
    public MedsignClient(URI server, SSLContext trust) {
        this(server, null, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).sslContext(trust).build());
    }

    private MedsignClient(URI server, String token, HttpClient http) {
        String s = server.toString();
        this.base = URI.create(s.endsWith("/") ? s : s + "/");
        this.token = token;
        this.http = http;
    }

    /** The same server, as the app logged in with this bearer token (M14, M20). */
    public MedsignClient authorized(String bearerToken) {
        return new MedsignClient(base, bearerToken, http);
    }

    public URI server() {
        return base;
    }

    /** 登入 (M14, M20): site (院區 code), Portal account and password; the answer carries the bearer token. */
    public AppSession login(String site, String account, String password) {
        return post("api/v1/sessions", java.util.Map.of("site", site, "account", account, "password", password),
                AppSession.class).withServer(base);
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
            HttpRequest request = request(path).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(120))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
            return send(request, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    <T> T get(String path, Class<T> type) {
        return send(request(path).timeout(Duration.ofSeconds(30)).GET().build(), type);
    }

    <T> T get(String path, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        return json.convertValue(get(path, com.fasterxml.jackson.databind.JsonNode.class), type);
    }

    /** Any API call by path, for tools and tests that speak to endpoints the client has no method for. */
    public com.fasterxml.jackson.databind.JsonNode getJson(String path) {
        return get(path, com.fasterxml.jackson.databind.JsonNode.class);
    }

    public com.fasterxml.jackson.databind.JsonNode postJson(String path, Object body) {
        return post(path, body, com.fasterxml.jackson.databind.JsonNode.class);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path))
                .header("Accept", "application/json, application/pem-certificate-chain")
                .header("Accept-Language", "zh-TW");
        return token == null ? builder : builder.header("Authorization", "Bearer " + token);
    }

    /** What a balancer answers for a node that died, is stopping or is out (haproxy: 502, 503, 504). */
    private static boolean gatewayAnswer(int status) {
        return status == 502 || status == 503 || status == 504;
    }

    private <T> T send(HttpRequest request, Class<T> type) {
        try {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (ServerTrust.untrusted(e)) {
                    throw e;
                }
                throw new NoAnswerException("Cannot reach " + request.uri() + ": " + e.getMessage(), e);
            }
            String contentType = response.headers().firstValue("Content-Type").orElse("");
            if (contentType.startsWith("application/problem+json")) {
                throw new MedsignApiException(json.readValue(response.body(), ApiProblem.class));
            }
            if (gatewayAnswer(response.statusCode()) && !contentType.startsWith("application/json")) {
                throw new NoAnswerException("No answer from the server behind " + request.uri(),
                        new IOException("HTTP " + response.statusCode() + " from the balancer"));
            }
            if (response.statusCode() >= 400 && response.statusCode() != 503) {
                throw new IOException("HTTP " + response.statusCode() + " from " + request.uri());
            }
            if (type == String.class) {
                return type.cast(new String(response.body(), java.nio.charset.StandardCharsets.UTF_8));
            }
            return json.readValue(response.body(), type);
        } catch (IOException e) {
            if (ServerTrust.untrusted(e)) {
                throw ServerTrust.refusal(request.uri(), e);
            }
            throw new UncheckedIOException("Cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }
}
