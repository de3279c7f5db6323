package org.medsign.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.stream.JsonParser;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.io.ByteArrayInputStream;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a request body as strictly as the API documents it, before JSON-B binds it: JSON-B (Yasson) would take the
 * first of two documents, the last of two equal keys, {@code "1"} or {@code 1.5} for a number, a number for a text,
 * and drop unknown fields. Here a body is one JSON object whose every key is a component of the record it binds to,
 * and whose every value has that component's JSON type; anything else is MS-9002 naming the field.
 */
final class StrictJson {

    /** Far deeper than any request of this API, far shallower than the thread's stack. */
    static final int MAX_DEPTH = 32;

    private static final Set<Class<?>> INTEGERS = Set.of(long.class, Long.class, int.class, Integer.class,
            short.class, Short.class);

    private StrictJson() {
    }

    /** Parses {@code body} and checks it against {@code target} (a record); returns nothing, throws MS-9002. */
    static void check(byte[] body, Type target) {
        JsonValue value;
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext()) {
                throw malformed("JSON");
            }
            parser.next();
            value = read(parser, "", 0);
            if (parser.hasNext()) { // Parsson throws here already on a second document
                throw malformed("JSON");
            }
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw malformed("JSON");
        }
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            throw malformed("JSON: an object");
        }
        conform(value, target, "");
    }

    /** One value from the parser's current event; objects are refused a repeated key. */
    private static JsonValue read(JsonParser parser, String path, int depth) {
        if (depth > MAX_DEPTH) {
            throw malformed("JSON: nested too deep");
        }
        switch (parser.currentEvent()) {
            case START_OBJECT -> {
                Map<String, JsonValue> members = new HashMap<>();
                while (parser.next() != JsonParser.Event.END_OBJECT) {
                    String key = parser.getString();
                    parser.next();
                    if (members.put(key, read(parser, prefix(path) + key, depth + 1)) != null) {
                        throw malformed(prefix(path) + key + " (twice)");
                    }
                }
                var object = Json.createObjectBuilder();
                members.forEach(object::add);
                return object.build();
            }
            case START_ARRAY -> {
                var array = Json.createArrayBuilder();
                int i = 0;
                while (parser.next() != JsonParser.Event.END_ARRAY) {
                    array.add(read(parser, path + "[" + i++ + "]", depth + 1));
                }
                return array.build();
            }
            default -> {
                return parser.getValue();
            }
        }
    }

    private static void conform(JsonValue value, Type type, String path) {
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            return; // absent and null alike: Bean Validation says which are required
        }
        Class<?> raw = raw(type);
        String field = path.isEmpty() ? "body" : path;
        if (raw.isRecord()) {
            if (!(value instanceof JsonObject object)) {
                throw malformed(field);
            }
            Map<String, RecordComponent> components = new HashMap<>();
            for (RecordComponent c : raw.getRecordComponents()) {
                JsonbProperty named = c.getAccessor().getAnnotation(JsonbProperty.class);
                components.put(named != null && !named.value().isEmpty() ? named.value() : c.getName(), c);
            }
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                RecordComponent component = components.get(member.getKey());
                if (component == null) {
                    throw malformed(prefix(path) + member.getKey() + " (unknown)");
                }
                conform(member.getValue(), component.getGenericType(), prefix(path) + member.getKey());
            }
        } else if (raw == String.class || raw.isEnum() || raw == byte[].class || Temporal.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.STRING, field);
        } else if (raw == boolean.class || raw == Boolean.class) {
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                throw malformed(field);
            }
        } else if (INTEGERS.contains(raw)) {
            expect(value, JsonValue.ValueType.NUMBER, field);
            integral((JsonNumber) value, raw, field);
        } else if (Collection.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.ARRAY, field);
            Type element = type instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : Object.class;
            int i = 0;
            for (JsonValue item : (JsonArray) value) {
                conform(item, element, field + "[" + i++ + "]");
            }
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(value, JsonValue.ValueType.OBJECT, field);
        }
        // other types (JsonValue, Object): taken as they come
    }

    private static void integral(JsonNumber number, Class<?> type, String field) {
        BigDecimal decimal = number.bigDecimalValue();
        try {
            long exact = decimal.longValueExact();
            boolean fits = type == long.class || type == Long.class
                    || (type == int.class || type == Integer.class) && exact == (int) exact
                    || exact == (short) exact;
            if (!fits) {
                throw malformed(field);
            }
        } catch (ArithmeticException e) {
            throw malformed(field); // a fraction, or beyond a long
        }
    }

    private static void expect(JsonValue value, JsonValue.ValueType type, String field) {
        if (value.getValueType() != type) {
            throw malformed(field);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static String prefix(String path) {
        return path.isEmpty() ? "" : path + ".";
    }

    private static MedsignException malformed(String what) {
        return new MedsignException(ErrorCode.MALFORMED_REQUEST, what);
    }
}
