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
}
