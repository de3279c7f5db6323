package org.medsign.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Bad requests for one operation of the published OpenAPI document: its path and query parameters out of range,
 * wrong-typed, over-long or full of unicode tricks; its body missing, broken, wrong-typed, of the wrong content type,
 * with unknown fields and broken base64; and, for every operation, a body over the server's size limit and an
 * Accept header the operation cannot answer. Each request is otherwise as a well-behaved app would send it.
 */
final class BadInputs {

    /** A bad request: what is bad about it, and the request's parts. */
    record Input(String kind, String path, String contentType, byte[] body, String accept) {
    }

    static final ObjectMapper JSON = new ObjectMapper();
    static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Over RequestSizeLimit's 1 MiB. */
    static final int HUGE = 1024 * 1024 + 4096;

    static final String LONG = "x".repeat(100 * 1024);

    /** Unicode tricks for text fields, as JSON text after encoding (so lone surrogates stay escaped). */
    static final Map<String, String> UNICODE = unicode();

    /** Fields whose value the API documents as base64 (in descriptions, not in a format). */
    static final List<String> BASE64_FIELDS = List.of("publicKey", "proof", "csr", "deviceSignature", "signature", "cms");

    /**
     * Sample bodies, shaped as the app sends them but wrong in meaning (unknown ticket, account, a signature that is
     * no CMS), for the operations whose schema in the published document is only {@code type: object}. Others come
     * from the schema. {@code {myDevice}} and {@code {myRecord}} are the calling nurse's own bound phone and pending
     * record, so that a batch passes the binding and ownership checks and meets the signature checks behind them.
     */
    static final Map<String, String> SAMPLES = Map.of(
            "/api/v1/devices", "{\"ticket\":\"AbCdEfGhIjKlMnOpQrStUv_-zz\",\"code\":\"ABCDEFGHJK\",\"publicKey\":\"AAAA\","
                    + "\"device\":{\"platform\":\"android\",\"osVersion\":\"14\",\"appVersion\":\"1.0.0\",\"appBuild\":1,"
                    + "\"model\":\"Pixel\"},\"proof\":\"AAAA\"}",
            "/api/v1/enrolments", "{\"ticket\":\"AbCdEfGhIjKlMnOpQrStUv_-zz\",\"code\":\"ABCDEFGHJK\",\"csr\":\"AAAA\","
                    + "\"deviceId\":\"{myDevice}\",\"deviceSignature\":\"AAAA\"}",
            "/api/v1/signatures", "{\"batchId\":\"bad-input-batch\",\"deviceId\":\"{myDevice}\","
                    + "\"items\":[{\"recordId\":{myRecord},\"cms\":\"AAAA\",\"delayReason\":\"x\"}]}",
            "/api/v1/sessions", "{\"site\":\"T0\",\"account\":\"ZZ0000\",\"password\":\"not-the-password\"}",
            "/api/v1/eportal/bindings", "{\"deviceId\":\"{myDevice}\",\"deviceSignature\":\"AAAA\"}",
            "/api/v1/certificates/{serial}/acknowledgement", "{\"signature\":\"AAAA\"}",
            "/api/v1/certificates/{serial}/pin", "{\"verifier\":\"AAAA\",\"keySignature\":\"AAAA\"}",
            "/api/v1/certificates/{serial}/pin/tries", "{\"verifier\":\"AAAA\",\"deviceSignature\":\"AAAA\"}");

    private final String path;
    private final JsonNode operation;
    private final Map<String, String> others;
    private final Mine mine;
    private final List<Input> inputs = new ArrayList<>();

    /** The calling nurse's own objects: her bound phone and one of her pending records. */
    record Mine(String deviceId, long recordId) {
    }

    /** {@code others}: path parameter name → the value of another person's object (serial, signature id, ...). */
    private BadInputs(String path, JsonNode operation, Map<String, String> others, Mine mine) {
        this.path = path;
        this.operation = operation;
        this.others = others;
        this.mine = mine;
    }

    static List<Input> of(String path, JsonNode operation, Map<String, String> others, Mine mine) {
        BadInputs b = new BadInputs(path, operation, others, mine);
        b.generate();
        return b.inputs;
    }

    private String concrete(Map<String, String> values) {
        String p = path;
        for (JsonNode parameter : operation.path("parameters")) {
            if (parameter.path("in").asText().equals("path")) {
                String name = parameter.path("name").asText();
                p = p.replace("{" + name + "}", values.getOrDefault(name, others.getOrDefault(name, "1")));
            }
        }
        return p.replaceFirst("^/", "");
    }

    private void add(String kind, String query, String contentType, byte[] body, String accept) {
        String p = concrete(Map.of());
        inputs.add(new Input(kind, query == null ? p : p + "?" + query, contentType, body, accept));
    }

    private void generate() {
        add("body over the size limit", null, "application/json", huge(), null);
        add("accept application/xml", null, null, null, "application/xml");
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asText();
            JsonNode schema = parameter.path("schema");
            boolean inPath = parameter.path("in").asText().equals("path");
            for (Map.Entry<String, String> bad : badValues(schema, others.get(name)).entrySet()) {
                if (bad.getValue().equals(schema.path("default").asText(null)) || inPath && bad.getValue().isEmpty()) {
                    continue; // the default is no bad value; an empty path segment is another operation's path
                }
                String value = URLEncoder.encode(bad.getValue(), StandardCharsets.UTF_8).replace("+", "%20");
                if (inPath) {
                    String p = concrete(Map.of(name, value));
                    inputs.add(new Input(name + " " + bad.getKey(), p, null, null, null));
                } else {
                    add(name + " " + bad.getKey(), name + "=" + value, null, null, null);
                }
            }
        }
        JsonNode content = operation.path("requestBody").path("content");
        if (!content.isMissingNode()) {
            body();
        }
    }

    private static Map<String, String> badValues(JsonNode schema, String other) {
        Map<String, String> values = new LinkedHashMap<>();
        if (other != null) {
            values.put("of another person", other);
        }
        boolean integer = schema.path("type").asText().equals("integer");
        if (integer || schema.path("type").asText().equals("boolean")) {
            values.put("zero", "0");
            values.put("negative", "-1");
            values.put("Long.MAX", String.valueOf(Long.MAX_VALUE));
            values.put("Long.MIN", String.valueOf(Long.MIN_VALUE));
            values.put("Integer.MAX+1", "2147483648");
            values.put("past Long.MAX", "9223372036854775808");
            values.put("fraction", "1.5");
            values.put("exponent", "1e400");
            values.put("not a number", "abc");
            values.put("empty", "");
        } else {
            values.put("zero", "0");
            values.put("negative", "-1");
            values.put("dot-dot", "..");
            values.put("slash", "a/../../b");
        }
        values.put("over-long", "y".repeat(4000));
        values.put("NUL", "a\u0000b");
        values.put("RTL override", "a\u202Eb");
        values.put("zero-width joiner", "a\u200D\u200Db");
        values.put("emoji", "\uD83D\uDC89\uD83D\uDC69\u200D\u2695\uFE0F");
        values.put("combining", "a" + "\u0301".repeat(500));
        return values;
    }

    private ObjectNode sample() {
        try {
            String known = SAMPLES.get(path);
            if (known != null) {
                return (ObjectNode) JSON.readTree(known.replace("{myDevice}", mine.deviceId())
                        .replace("{myRecord}", String.valueOf(mine.recordId())));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        ObjectNode sample = NODES.objectNode();
        schemaOf().path("properties").fieldNames().forEachRemaining(f -> sample.put(f, "x"));
        return sample;
    }

    private JsonNode schemaOf() {
        return operation.path("requestBody").path("content").path("application/json").path("schema");
    }

    private void json(String kind, String json) {
        add(kind, null, "application/json", json.getBytes(StandardCharsets.UTF_8), null);
    }

    private void json(String kind, Consumer<ObjectNode> change) {
        ObjectNode body = sample();
        change.accept(body);
        json(kind, body.toString());
    }

    private void body() {
        ObjectNode sample = sample();
        byte[] good = sample.toString().getBytes(StandardCharsets.UTF_8);
        add("no body", null, "application/json", new byte[0], null);
        add("no content type", null, null, good, null);
        add("text/plain", null, "text/plain", good, null);
        add("application/xml", null, "application/xml", "<a><b>1</b></a>".getBytes(StandardCharsets.UTF_8), null);
        add("form", null, "application/x-www-form-urlencoded", "a=1&b=2".getBytes(StandardCharsets.UTF_8), null);
        add("json in UTF-16", null, "application/json; charset=UTF-16", sample.toString().getBytes(StandardCharsets.UTF_16), null);
        json("broken JSON: cut", sample.toString().substring(0, sample.toString().length() / 2));
        json("broken JSON: trailing comma", "{\"a\":1,}");
        json("broken JSON: single quotes", "{'a':'b'}");
        json("broken JSON: bare word", "nul");
        json("broken JSON: two documents", sample + sample.toString());
        json("broken JSON: nested 100000 deep", "[".repeat(100_000) + "]".repeat(100_000));
        json("broken JSON: nested objects 20000 deep", "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000));
        json("JSON null", "null");
        json("JSON array", "[" + sample + "]");
        json("JSON string", "\"x\"");
        json("JSON number", "42");
        json("empty object", "{}");
        add("invalid UTF-8 bytes", null, "application/json", invalidUtf8(sample), null);
        json("unknown field", b -> b.put("unknownField", "x"));
        json("unknown field __proto__", b -> b.set("__proto__", NODES.objectNode().put("admin", true)));
        json("duplicate field", sample.toString().replaceFirst("\\{", "{\"" + sample.fieldNames().next() + "\":\"dup\","));
        fields(sample, "");
    }

    private void fields(ObjectNode sample, String prefix) {
        for (Iterator<String> names = sample.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            JsonNode value = sample.get(field);
            String at = prefix + field;
            json("missing " + at, b -> remove(b, at));
            json("null " + at, b -> set(b, at, NODES.nullNode()));
            if (value.isTextual()) {
                json("wrong type (number) " + at, b -> set(b, at, NODES.numberNode(12345)));
                json("wrong type (array) " + at, b -> set(b, at, NODES.arrayNode().add("x")));
                json("wrong type (object) " + at, b -> set(b, at, NODES.objectNode().put("x", "y")));
                json("wrong type (boolean) " + at, b -> set(b, at, NODES.booleanNode(true)));
                json("empty " + at, b -> set(b, at, NODES.textNode("")));
                json("blank " + at, b -> set(b, at, NODES.textNode(" \t\u3000")));
                json("over-long (100 KB) " + at, b -> set(b, at, NODES.textNode(LONG)));
                for (Map.Entry<String, String> trick : UNICODE.entrySet()) {
                    json("unicode " + trick.getKey() + " " + at, placeholder(at, trick.getValue()));
                }
                if (BASE64_FIELDS.contains(field)) {
                    for (String broken : List.of("!!!not base64!!!", "AAA", "====", "A===", "QUJD\nREVG", "%%%%")) {
                        json("broken base64 '" + broken.replace("\n", "\\n") + "' " + at, b -> set(b, at, NODES.textNode(broken)));
                    }
                    json("base64 of garbage " + at, b -> set(b, at, NODES.textNode("AAAAAAAAAAAAAAAAAAAAAAAAAAAA")));
                }
            } else if (value.isNumber()) {
                for (String n : List.of("0", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                        "1e400", "1.5", "-0", "NaN", "\"1\"", "\"abc\"", "true", "[1]")) {
                    json("number " + n + " " + at, placeholder(at, n));
                }
            } else if (value.isObject()) {
                json("wrong type (string) " + at, b -> set(b, at, NODES.textNode("x")));
                json("wrong type (array) " + at, b -> set(b, at, NODES.arrayNode()));
                fields((ObjectNode) value, at + ".");
            } else if (value.isArray()) {
                json("wrong type (string) " + at, b -> set(b, at, NODES.textNode("x")));
                json("wrong type (object) " + at, b -> set(b, at, NODES.objectNode()));
                json("array of nulls " + at, b -> set(b, at, NODES.arrayNode().addNull()));
                json("array of 100000 numbers " + at, b -> {
                    ArrayNode many = NODES.arrayNode();
                    for (int i = 0; i < 100_000; i++) {
                        many.add(i);
                    }
                    set(b, at, many);
                });
                if (!value.isEmpty() && value.get(0).isObject()) {
                    fields((ObjectNode) value.get(0), at + "[0].");
                }
            }
        }
    }

    /** A body whose {@code at} is replaced by raw JSON text (for values Jackson would not write, e.g. lone surrogates). */
    private String placeholder(String at, String rawJson) {
        ObjectNode body = sample();
        set(body, at, NODES.textNode("\u0001PLACEHOLDER\u0001"));
        return body.toString().replace("\"\\u0001PLACEHOLDER\\u0001\"", rawJson);
    }

    private static JsonNode parent(ObjectNode body, String at) {
        JsonNode node = body;
        String[] steps = at.split("\\.");
        for (int i = 0; i < steps.length - 1; i++) {
            String step = steps[i];
            node = step.endsWith("[0]") ? node.path(step.substring(0, step.length() - 3)).path(0) : node.path(step);
        }
        return node;
    }

    private static String last(String at) {
        return at.substring(at.lastIndexOf('.') + 1);
    }

    private static void set(ObjectNode body, String at, JsonNode value) {
        ((ObjectNode) parent(body, at)).set(last(at), value);
    }

    private static void remove(ObjectNode body, String at) {
        ((ObjectNode) parent(body, at)).remove(last(at));
    }

    private static byte[] invalidUtf8(ObjectNode sample) {
        byte[] text = sample.toString().replaceFirst(":\"", ":\"\u0001").getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < text.length; i++) {
            if (text[i] == 1) {
                text[i] = (byte) 0xC3; // a lead byte followed by '"': not UTF-8
            }
        }
        byte[] more = new byte[text.length + 3];
        System.arraycopy(text, 0, more, 0, text.length);
        more[text.length] = (byte) 0xED; // CESU lone surrogate bytes after the document
        more[text.length + 1] = (byte) 0xA0;
        more[text.length + 2] = (byte) 0x80;
        return more;
    }

    private static byte[] huge() {
        byte[] body = new byte[HUGE];
        java.util.Arrays.fill(body, (byte) ' ');
        body[0] = '{';
        body[HUGE - 1] = '}';
        return body;
    }

    private static Map<String, String> unicode() {
        Map<String, String> u = new LinkedHashMap<>();
        u.put("RTL override", "\"abc\\u202Edef\"");
        u.put("zero-width joiners", "\"a\\u200D\\u200D\\u200Bb\\uFEFF\"");
        u.put("NUL", "\"a\\u0000b\"");
        u.put("lone high surrogate", "\"a\\uD800b\"");
        u.put("lone low surrogate", "\"\\uDC00\"");
        u.put("emoji", "\"\uD83D\uDC89\uD83D\uDC69\u200D\u2695\uFE0F\"");
        u.put("10000 combining marks", "\"a" + "\\u0301".repeat(10_000) + "\"");
        u.put("control characters", "\"\\u0007\\u001b[31m\\r\\n\"");
        u.put("private use and noncharacter", "\"\\uE000\\uFFFF\\uFFFE\"");
        return u;
    }
}
