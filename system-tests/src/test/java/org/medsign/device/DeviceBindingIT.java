package org.medsign.device;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.medsign.mobile.BoundDevice;
import org.medsign.mobile.DeviceBinder;
import org.medsign.mobile.DeviceInfo;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.MedsignApiException;
import org.medsign.mobile.MedsignClient;
import org.medsign.mobile.TicketLink;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.StaffSession.BindingTicket;
import org.medsign.systemtest.SystemTest;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** 線上綁定裝置 (M9) against the real server: the happy path, and every bad input answered with its code. */
@SystemTest
class DeviceBindingIT {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private static String newName() {
        return "我的iphone-" + NAMES.incrementAndGet();
    }

    private static BoundDevice bind(MedsignServer server, BindingTicket ticket, String code, KeyPair key, DeviceInfo info) {
        return new DeviceBinder(new MedsignClient(server.baseUrl(), DevTls.sslContext())).bind(TicketLink.parse(ticket.uri()), code, key, info);
    }

    private static String refusal(Runnable call) {
        return assertThrows(MedsignApiException.class, call::run).code();
    }

    @Test
    void bindsOnceWithTheQrLinkAndTheCodeInAnyCase(MedsignServer server) {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        String name = newName();
        BindingTicket ticket = nurse.bindingTicket(name);
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        BoundDevice device = bind(server, ticket, ticket.code().toLowerCase(), key, DeviceInfo.thisMachine());
        assertEquals(name, device.name());
        assertEquals("N0001", device.owner());
        assertEquals("MS-3006", refusal(() -> bind(server, ticket, ticket.code(), DeviceKeyStore.newKeyPair("EC"),
                DeviceInfo.thisMachine())));
        assertTrue(nurse.client().open("portal/devices.xhtml").text().contains(name));
    }

    @Test
    void acceptsAnRsaDeviceKey(MedsignServer server) {
        BindingTicket ticket = StaffSession.logIn(server, "N0001").bindingTicket(newName());
        bind(server, ticket, ticket.code(), DeviceKeyStore.newKeyPair("RSA"), DeviceInfo.thisMachine());
    }

    @Test
    void wrongCodesAreCountedAndTheFifthLocksTheTicket(MedsignServer server) {
        BindingTicket ticket = StaffSession.logIn(server, "N0001").bindingTicket(newName());
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        for (int left = 4; left >= 1; left--) {
            MedsignApiException e = assertThrows(MedsignApiException.class,
                    () -> bind(server, ticket, "AAAAAAAAAA", key, DeviceInfo.thisMachine()));
            assertEquals("MS-3003", e.code());
            assertTrue(e.getMessage().contains("還可嘗試 " + left + " 次"), e.getMessage());
        }
        assertEquals("MS-3004", refusal(() -> bind(server, ticket, "AAAAAAAAAA", key, DeviceInfo.thisMachine())));
        assertEquals("MS-3004", refusal(() -> bind(server, ticket, ticket.code(), key, DeviceInfo.thisMachine())));
    }

    @Test
    void aNewTicketForTheSameNameReplacesTheOld(MedsignServer server) {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        String name = newName();
        BindingTicket first = nurse.bindingTicket(name);
        BindingTicket second = nurse.bindingTicket(name);
        assertEquals("MS-3007", refusal(() -> bind(server, first, first.code(), DeviceKeyStore.newKeyPair("EC"),
                DeviceInfo.thisMachine())));
        bind(server, second, second.code(), DeviceKeyStore.newKeyPair("EC"), DeviceInfo.thisMachine());
    }

    @Test
    void anExpiredTicketIsRefused(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres(), "moving a ticket's expiry needs direct SQL (PostgreSQL runs)");
        BindingTicket ticket = StaffSession.logIn(server, "N0001").bindingTicket(newName());
        String id = TicketLink.parse(ticket.uri()).ticket();
        try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE binding_ticket SET expires_at = now() - interval '1 second' WHERE ticket_id = '" + id + "'");
        }
        assertEquals("MS-3005", refusal(() -> bind(server, ticket, ticket.code(), DeviceKeyStore.newKeyPair("EC"),
                DeviceInfo.thisMachine())));
    }

    @Test
    void anUnknownTicketIsMs3008(MedsignServer server) {
        BindingTicket forged = new BindingTicket("medsign://bind?v=1&server=" + server.baseUrl() + "&ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "ABCDEFGHJK");
        assertEquals("MS-3008", refusal(() -> bind(server, forged, forged.code(), DeviceKeyStore.newKeyPair("EC"),
                DeviceInfo.thisMachine())));
    }

    @Test
    void anOldAppIsRefusedAndTheTicketStillWorksAfterwards(MedsignServer server) {
        BindingTicket ticket = StaffSession.logIn(server, "N0001").bindingTicket(newName());
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        assertEquals("MS-3013", refusal(() -> bind(server, ticket, ticket.code(), key,
                DeviceInfo.thisMachine().withApp("1.0.22", 7))));
        bind(server, ticket, ticket.code(), key, DeviceInfo.thisMachine());
    }

    @Test
    void aKeyIsBoundOnlyOnce(MedsignServer server) {
        StaffSession nurse = StaffSession.logIn(server, "N0001");
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        BindingTicket first = nurse.bindingTicket(newName());
        bind(server, first, first.code(), key, DeviceInfo.thisMachine());
        BindingTicket second = nurse.bindingTicket(newName());
        assertEquals("MS-3012", refusal(() -> bind(server, second, second.code(), key, DeviceInfo.thisMachine())));
    }

    private static HttpResponse<String> postRaw(MedsignServer server, String body) throws Exception {
        return DevTls.httpClient().send(HttpRequest.newBuilder(server.url("api/v1/devices"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String code(HttpResponse<String> response) throws Exception {
        JsonNode problem = new ObjectMapper().readTree(response.body());
        return problem.path("code").asText();
    }

    private static Map<String, Object> request(BindingTicket ticket, KeyPair key, String proof) {
        return Map.of("ticket", TicketLink.parse(ticket.uri()).ticket(), "code", ticket.code(),
                "publicKey", Base64.getEncoder().encodeToString(key.getPublic().getEncoded()),
                "device", DeviceInfo.thisMachine(), "proof", proof);
    }

    @Test
    void aMissingOrForeignProofOfPossessionIsRefused(MedsignServer server) throws Exception {
        BindingTicket ticket = StaffSession.logIn(server, "N0001").bindingTicket(newName());
        KeyPair key = DeviceKeyStore.newKeyPair("EC");
        ObjectMapper json = MedsignClient.mapper();
        assertEquals("MS-3010", code(postRaw(server, json.writeValueAsString(request(ticket, key, "")))));
        byte[] message = DeviceBinder.proofMessage(TicketLink.parse(ticket.uri()).ticket(), key.getPublic().getEncoded());
        String byAnotherKey = Base64.getEncoder().encodeToString(
                DeviceKeyStore.sign(DeviceKeyStore.newKeyPair("EC").getPrivate(), message));
        assertEquals("MS-3010", code(postRaw(server, json.writeValueAsString(request(ticket, key, byAnotherKey)))));
        bind(server, ticket, ticket.code(), key, DeviceInfo.thisMachine());
    }

    @Test
    void aWeakKeyIsRefused(MedsignServer server) throws Exception {
        BindingTicket ticket = StaffSession.logIn(server, "N0001").bindingTicket(newName());
        java.security.KeyPairGenerator rsa = java.security.KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair weak = rsa.generateKeyPair();
        assertEquals("MS-3011", refusal(() -> bind(server, ticket, ticket.code(), weak, DeviceInfo.thisMachine())));
    }

    @Test
    void garbageAndOversizedBodiesAreRefusedWithTheirCodes(MedsignServer server) throws Exception {
        HttpResponse<String> garbage = postRaw(server, "{\"ticket\": [1,2,");
        assertEquals(400, garbage.statusCode());
        assertEquals("MS-9002", code(garbage));
        HttpResponse<String> huge = postRaw(server, "{\"ticket\":\"" + "A".repeat(1_100_000) + "\"}");
        assertEquals(413, huge.statusCode());
        assertEquals("MS-9006", code(huge));
        assertEquals("MS-3009", code(postRaw(server, "{\"ticket\":\"../../etc\",\"code\":\"X\",\"device\":{}}")));
    }

    @Test
    void ofPhonesRacingForOneTicketExactlyOneWins(MedsignServer server) throws Exception {
        String name = newName();
        BindingTicket ticket = StaffSession.logIn(server, "N0002").bindingTicket(name);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            KeyPair key = DeviceKeyStore.newKeyPair("EC");
            Callable<String> phone = () -> {
                try {
                    bind(server, ticket, ticket.code(), key, DeviceInfo.thisMachine());
                    return "BOUND";
                } catch (MedsignApiException e) {
                    return e.code();
                }
            };
            results.add(pool.submit(phone));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> result : results) {
            outcomes.add(result.get());
        }
        pool.shutdown();
        assertEquals(1, outcomes.stream().filter("BOUND"::equals).count(), outcomes.toString());
        assertEquals(7, outcomes.stream().filter("MS-3006"::equals).count(), outcomes.toString());
        if (server.database().postgres()) {
            try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
                ResultSet r = s.executeQuery("SELECT count(*) FROM device WHERE owner = 'N0002' AND name = '" + name + "'");
                assertTrue(r.next() && r.getInt(1) == 1, "one device, not eight");
            }
        }
    }

    @Test
    void theDeviceNameIsRequiredShortAndUnique(MedsignServer server) {
        StaffSession nurse = StaffSession.logIn(server, "D0001");
        assertTrue(nurse.importDevice("", "").document().select("#messages").text().contains("[MS-3001]"));
        assertTrue(nurse.importDevice("x".repeat(31), "").document().select("#messages").text().contains("[MS-3001]"));
        String name = newName();
        BindingTicket ticket = nurse.bindingTicket(name);
        bind(server, ticket, ticket.code(), DeviceKeyStore.newKeyPair("EC"), DeviceInfo.thisMachine());
        assertTrue(nurse.importDevice(name, "").document().select("#messages").text().contains("[MS-3002]"));
    }
}
