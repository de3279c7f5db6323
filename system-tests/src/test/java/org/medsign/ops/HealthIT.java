package org.medsign.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.medsign.mobile.MedsignClient;
import org.medsign.mobile.ServerHealth;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignJmx;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.SystemTest;

import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@SystemTest
class HealthIT {

    @Test
    void theServerIsUpAndSaysItsVersion(MedsignServer server) {
        ServerHealth health = new MedsignClient(server.baseUrl(), DevTls.sslContext()).health();
        assertTrue(health.up());
        assertEquals(1, health.apiVersion());
        assertTrue(health.version().startsWith("1."), health.version());
    }

    @Test
    void jmxSaysWhatTheHealthEndpointSays(MedsignServer server) throws Exception {
        ServerHealth health = new MedsignClient(server.baseUrl(), DevTls.sslContext()).health();
        try (JMXConnector jmx = MedsignJmx.connect()) {
            MBeanServerConnection mbeans = jmx.getMBeanServerConnection();
            assertEquals("UP", mbeans.getAttribute(MedsignJmx.area("Server"), "Status"));
            assertEquals(health.version(), mbeans.getAttribute(MedsignJmx.area("Server"), "Version"));
        }
    }

    @Test
    void servesItsOpenApiDocument(MedsignServer server) throws Exception {
        PortalClient client = new PortalClient(server);
        HttpResponse<String> yaml = client.get("api/v1/openapi.yaml");
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.body().startsWith("---\nopenapi: 3.1"), yaml.body());
        JsonNode json = new ObjectMapper().readTree(client.get("api/v1/openapi.json").body());
        assertTrue(json.path("paths").has("/api/v1/health"), json.toString());
    }
}
