package org.medsign.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Every API failure is problem+json with its catalogue code, in the language the app asked for. */
@SystemTest
class ProblemJsonIT {

    private final HttpClient http = DevTls.httpClient();

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode problem(HttpResponse<String> response) throws Exception {
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        return new ObjectMapper().readTree(response.body());
    }

    @Test
    void anUnknownAddressIsMs9001InChineseByDefault(MedsignServer server) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.url("api/v1/no-such-thing")).build());
        assertEquals(404, response.statusCode());
        JsonNode problem = problem(response);
        assertEquals("MS-9001", problem.path("code").asText());
        assertEquals("查無資料", problem.path("title").asText());
        assertEquals("/medsign/api/v1/no-such-thing", problem.path("instance").asText());
    }

    @Test
    void answersInEnglishWhenAsked(MedsignServer server) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.url("api/v1/no-such-thing"))
                .header("Accept-Language", "en-US").build());
        assertEquals("Not found", problem(response).path("title").asText());
    }

    @Test
    void aWrongMethodIsMs9004(MedsignServer server) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.url("api/v1/health"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).header("Content-Type", "application/json").build());
        assertEquals(405, response.statusCode());
        assertEquals("MS-9004", problem(response).path("code").asText());
    }

    @Test
    void aBodyRefusedByItsConstraintsNamesTheFieldsButNotTheirValues(MedsignServer server) throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(server.url("api/v1/devices"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":\"AbCdEfGhIjKlMnOpQrStUv_-12\",\"code\":\""
                        + "SECRET-CODE-".repeat(4) + "\",\"publicKey\":\"\",\"proof\":\"SECRET-PROOF\"}")).build());
        assertEquals(400, response.statusCode());
        JsonNode problem = problem(response);
        assertEquals("MS-3011", problem.path("code").asText(), "a missing device key has its own code: " + response.body());
        assertFalse(response.body().contains("SECRET-PROOF"), response.body());

        HttpResponse<String> shape = send(HttpRequest.newBuilder(server.url("api/v1/devices"))
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ticket\":\"AbCdEfGhIjKlMnOpQrStUv_-12\",\"code\":\""
                        + "SECRET-CODE-".repeat(4) + "\",\"publicKey\":\"AAAA\",\"proof\":\"AAAA\"}")).build());
        assertEquals(400, shape.statusCode());
        problem = problem(shape);
        assertEquals("MS-9002", problem.path("code").asText());
        assertEquals("The request is malformed: code, device.", problem.path("detail").asText());
        assertFalse(response.body().contains("SECRET-CODE") || shape.body().contains("SECRET-CODE"), shape.body());

        HttpResponse<String> none = send(HttpRequest.newBuilder(server.url("api/v1/sessions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("")).build());
        assertEquals(400, none.statusCode());
        assertEquals("MS-9002", problem(none).path("code").asText(), "no body at all: " + none.body());
    }
}
