package org.medsign.api;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bad input, as a figure (issue 16): every operation of the published OpenAPI document, sent the bad requests
 * {@link BadInputs} makes for it, without a token and with the app token of a nurse who can sign (bound, certified). Every answer must be a coded
 * problem+json 4xx, with no stack trace, exception class or national id in it, and nothing may be written.
 */
@SystemTest
class BadInputIT {

    private static final Pattern CODE = Pattern.compile("MS-\\d{4}");
    private static final Pattern NATIONAL_ID = Pattern.compile("[A-Z][12]\\d{8}");
    private static final Pattern JAVA = Pattern.compile(
            "\\b(?:java|javax|jakarta|org|com|io|sun)\\.[a-z_$][\\w$]*\\.|Exception\\b|Error:|\\tat |\\bat [a-z]+\\.[a-z]|\\.java:\\d");

    /** The tables bad requests must leave alone (not the audit log: refused attempts are audited). */
    private static final List<String> TABLES = List.of("device", "certificate", "certificate_application",
            "record_signature", "eportal_binding", "binding_ticket", "enrolment_ticket", "mobile_session",
            "pending_record", "institution_signature", "card_holder_link", "portal_account", "staff_member", "site");

    /** Tables whose every row must stay as it was, not only their number. */
    private static final Set<String> WHOLE = Set.of("device", "certificate", "certificate_application",
            "record_signature", "eportal_binding", "binding_ticket", "enrolment_ticket", "institution_signature");

    private final HttpClient http = DevTls.http().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void everyOperationRefusesBadInputWithACodedProblemAndWritesNothing(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres() && server.his().postgres(), "counts rows and writes HIS records by SQL");
        Map<String, String> others = anotherNursesObjects(server);
        // the caller is a nurse who can sign: certificate downloaded, E Portal bound, a record pending
        CredentialFixture.Signer caller = CredentialFixture.downloadedSigner(server, "N0001", "壞輸入本人");
        assertEquals(200, caller.bindEPortal("10.20.30.47").statusCode());
        long pending = HisRecords.add(server, "N0001", 1);
        caller.eportal().refresh();
        BadInputs.Mine mine = new BadInputs.Mine(caller.deviceId(), pending);
        String token = caller.token();

        JsonNode paths = BadInputs.JSON.readTree(http.send(HttpRequest.newBuilder(server.url("api/v1/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).path("paths");
        Map<String, String> before = snapshot(server);
        List<String> broken = new ArrayList<>();
        int total = 0;
        int operations = 0;
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = paths.path(path).fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> operation = methods.next();
                String method = operation.getKey().toUpperCase();
                String name = method + " " + path;
                Map<String, String> theirs = others(path, others);
                int tried = 0;
                for (BadInputs.Input input : BadInputs.of(path, operation.getValue(), theirs, mine)) {
                    for (String bearer : new String[] {null, token}) {
                        tried++;
                        String why = judge(send(server, method, input, bearer));
                        if (why != null) {
                            broken.add(name + " | " + input.kind() + (bearer == null ? " | no token" : " | N0001's token")
                                    + " | " + why);
                        }
                    }
                }
                System.out.println("[bad input] " + name + ": " + tried + " inputs");
                total += tried;
                operations++;
            }
        }
        System.out.println("[bad input] total: " + total + " inputs over " + operations + " operations");
        Map<String, String> after = snapshot(server);
        for (String table : TABLES) {
            if (!before.get(table).equals(after.get(table))) {
                broken.add("written: " + table + " was " + before.get(table) + ", is " + after.get(table));
            }
        }
        assertTrue(broken.isEmpty(), broken.size() + " bad inputs broke a rule:\n" + String.join("\n", broken));
    }

    /** Path parameters naming another nurse's objects: N0002's certificate, signature and record, made through the API. */
    private static Map<String, String> anotherNursesObjects(MedsignServer server) throws Exception {
        CredentialFixture.Signer nurse = CredentialFixture.downloadedSigner(server, "N0002", "壞輸入測試");
        assertEquals(200, nurse.bindEPortal("10.20.30.46").statusCode());
        long recordId = HisRecords.add(server, "N0002", 1);
        EPortalClient eportal = nurse.eportal();
        eportal.refresh();
        JsonNode signed = eportal.signPending(nurse.deviceId(), nurse.cms(), List.of(recordId), null);
        assertEquals(1, signed.path("result").path("signed").asInt(), signed.toString());
        Map<String, String> others = new LinkedHashMap<>();
        for (JsonNode s : eportal.signatures()) {
            if (s.path("recordId").asLong() == recordId) {
                others.put("signature", s.path("id").asText());
                others.put("serial", s.path("certificateSerial").asText());
            }
        }
        others.put("record", String.valueOf(recordId));
        assertEquals(3, others.size(), "N0002's signature of record " + recordId + ": " + eportal.signatures());
        return others;
    }

    private static Map<String, String> others(String path, Map<String, String> others) {
        if (path.contains("{serial}")) {
            return Map.of("serial", others.get("serial"));
        }
        if (path.startsWith("/api/v1/signatures/{id}")) {
            return Map.of("id", others.get("signature"));
        }
        if (path.contains("{id}")) {
            return Map.of("id", others.get("record"));
        }
        return Map.of();
    }

    private record Answer(int status, String contentType, String body, String failure) {
    }

    private Answer send(MedsignServer server, String method, BadInputs.Input input, String bearer) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(server.url(input.path())).timeout(Duration.ofSeconds(60))
                    .method(method, input.body() == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(input.body()));
            if (input.contentType() != null) {
                request.header("Content-Type", input.contentType());
            }
            if (input.accept() != null) {
                request.header("Accept", input.accept());
            }
            if (bearer != null) {
                request.header("Authorization", "Bearer " + bearer);
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), null);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(0, "", "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What is wrong with the answer, or null when it is a coded problem+json 4xx that tells nothing it should not. */
    private static String judge(Answer answer) {
        if (answer.failure() != null) {
            return "no answer: " + answer.failure();
        }
        List<String> wrong = new ArrayList<>();
        if (everyItemRefused(answer)) {
            return null; // a well-formed batch whose items are all refused, each with its code (M23)
        }
        if (answer.status() < 400 || answer.status() > 499) {
            wrong.add("status " + answer.status());
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            wrong.add("Content-Type " + answer.contentType());
        }
        try {
            String code = BadInputs.JSON.readTree(answer.body()).path("code").asText();
            if (!CODE.matcher(code).matches()) {
                wrong.add("code '" + code + "'");
            }
        } catch (IOException e) {
            wrong.add("body is not JSON");
        }
        if (JAVA.matcher(answer.body()).find()) {
            wrong.add("Java in the body");
        }
        if (NATIONAL_ID.matcher(answer.body()).find()) {
            wrong.add("a national id in the body");
        }
        if (wrong.isEmpty()) {
            return null;
        }
        String body = answer.body().replaceAll("\\s+", " ");
        return answer.status() + " | " + String.join(", ", wrong) + " | " + body.substring(0, Math.min(300, body.length()));
    }

    /**
     * The signing operation answers a well-formed batch with one result per item (M23): bad items in a good envelope
     * (a record that is not the caller's, a signature that is no CMS) are refused there, each with its code.
     */
    private static boolean everyItemRefused(Answer answer) {
        if (answer.status() != 200 || !answer.contentType().startsWith("application/json")) {
            return false;
        }
        try {
            JsonNode result = BadInputs.JSON.readTree(answer.body()).path("result");
            JsonNode items = result.path("items");
            if (result.path("signed").asInt(-1) != 0 || !items.isArray() || items.isEmpty()) {
                return false;
            }
            for (JsonNode item : items) {
                if (!"REFUSED".equals(item.path("result").asText()) || !CODE.matcher(item.path("code").asText()).matches()) {
                    return false;
                }
            }
            return !JAVA.matcher(answer.body()).find() && !NATIONAL_ID.matcher(answer.body()).find();
        } catch (IOException e) {
            return false;
        }
    }

    /** Each table's row count, and for {@link #WHOLE} tables a digest of every row. */
    private static Map<String, String> snapshot(MedsignServer server) throws Exception {
        Map<String, String> rows = new LinkedHashMap<>();
        try (Connection c = server.database().connect(); Statement st = c.createStatement()) {
            for (String table : TABLES) {
                String digest = WHOLE.contains(table) ? ", md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))" : "";
                try (ResultSet rs = st.executeQuery("SELECT count(*)" + digest + " FROM " + table + " t")) {
                    rs.next();
                    rows.put(table, rs.getLong(1) + (digest.isEmpty() ? " rows" : " rows, " + rs.getString(2)));
                }
            }
        }
        return rows;
    }
}
