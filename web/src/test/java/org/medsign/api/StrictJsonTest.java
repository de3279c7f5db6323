package org.medsign.api;

import org.junit.jupiter.api.Test;
import org.medsign.error.MedsignException;
import org.medsign.signing.batch.SignRequest;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StrictJsonTest {

    record Item(long recordId, String cms, boolean urgent) {
    }

    record Batch(String deviceId, int size, List<Item> items) {
    }

    private static final String GOOD = "{\"deviceId\":\"d\",\"size\":1,\"items\":[{\"recordId\":7,\"cms\":\"AAAA\",\"urgent\":false}]}";

    @Test
    void aBodyAsDocumentedPasses() {
        assertDoesNotThrow(() -> check(GOOD));
        assertDoesNotThrow(() -> check("{\"deviceId\":null,\"items\":[]}"), "null and absent are Bean Validation's to judge");
    }

    @Test
    void theRealSigningRequestIsReadAsItsRecordSays() {
        assertDoesNotThrow(() -> StrictJson.check(("{\"batchId\":\"b-1\",\"deviceId\":\"d\",\"items\":[{\"recordId\":1,"
                + "\"cms\":\"AAAA\",\"delayReason\":\"補簽\"}]}").getBytes(StandardCharsets.UTF_8), SignRequest.class));
        assertEquals("items[0].cms", field(() -> StrictJson.check(("{\"batchId\":\"b-1\",\"deviceId\":\"d\","
                + "\"items\":[{\"recordId\":1,\"cms\":12}]}").getBytes(StandardCharsets.UTF_8), SignRequest.class)));
    }

    @Test
    void whatJsonBWouldQuietlyAcceptIsRefusedWithTheField() {
        assertEquals("JSON", field(() -> check(GOOD + GOOD)), "a second document after the first");
        assertEquals("JSON: an object", field(() -> check("[" + GOOD + "]")));
        assertEquals("deviceId (twice)", field(() -> check("{\"deviceId\":\"a\",\"deviceId\":\"b\"}")));
        assertEquals("items[0].recordId (twice)", field(() -> check("{\"items\":[{\"recordId\":1,\"recordId\":2}]}")));
        assertEquals("extra (unknown)", field(() -> check("{\"deviceId\":\"d\",\"extra\":1}")));
        assertEquals("items[0].__proto__ (unknown)", field(() -> check("{\"items\":[{\"__proto__\":{}}]}")));
        assertEquals("items[0].recordId", field(() -> check("{\"items\":[{\"recordId\":\"1\"}]}")));
        assertEquals("items[0].recordId", field(() -> check("{\"items\":[{\"recordId\":1.5}]}")));
        assertEquals("items[0].recordId", field(() -> check("{\"items\":[{\"recordId\":1e30}]}")));
        assertEquals("size", field(() -> check("{\"size\":2147483648}")));
        assertEquals("deviceId", field(() -> check("{\"deviceId\":5}")));
        assertEquals("items[0].urgent", field(() -> check("{\"items\":[{\"urgent\":\"true\"}]}")));
        assertEquals("items", field(() -> check("{\"items\":{}}")));
        assertEquals("items[0]", field(() -> check("{\"items\":[\"x\"]}")));
        assertEquals("JSON", field(() -> check("{\"deviceId\":")));
        assertEquals("JSON", field(() -> check("")));
        assertEquals("JSON: nested too deep", field(() -> check("{\"items\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}")));
    }

    private static void check(String json) {
        StrictJson.check(json.getBytes(StandardCharsets.UTF_8), Batch.class);
    }

    private static String field(Runnable call) {
        MedsignException e = assertThrows(MedsignException.class, call::run);
        assertEquals("MS-9002", e.errorCode().code());
        assertTrue(e.arguments().length == 1, "one argument");
        return String.valueOf(e.arguments()[0]);
    }
}
