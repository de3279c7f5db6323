package org.medsign.credential;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medsign.error.RequestValidator.violations;

class EnrolRequestTest {

    private static final String TICKET = "AbCdEfGhIjKlMnOpQrStUv_-12";

    @Test
    void aWellShapedRequestPasses() {
        assertTrue(violations(new EnrolRequest(TICKET, "qr2qRqBdOG", "MIIB", "9f0c-id", "MEUC")).isEmpty());
    }

    @Test
    void eachMissingPartIsNamedWithTheCodeThePersonCanActOn() {
        assertEquals(Map.of("ticket", "MS-3009", "csr", "MS-4003", "code", "{jakarta.validation.constraints.NotNull.message}",
                        "deviceId", "{jakarta.validation.constraints.NotBlank.message}",
                        "deviceSignature", "{jakarta.validation.constraints.NotBlank.message}"),
                violations(new EnrolRequest("not a ticket", null, "", null, "")));
    }
}
