package org.medsign.device;

import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medsign.error.RequestValidator.failedFields;
import static org.medsign.error.RequestValidator.violations;

class BindRequestTest {

    private static final String TICKET = "AbCdEfGhIjKlMnOpQrStUv_-12";
    private static final DeviceInfo PHONE = new DeviceInfo("iOS", "17.2", "1.0.22", 8, "iPhone");

    @Test
    void aWellShapedRequestPasses() {
        assertTrue(failedFields(new BindRequest(TICKET, "fmtdj5xd7n", "MFkw", PHONE, "MEUC")).isEmpty());
    }

    @Test
    void aTicketThatIsNoTicketIdKeepsItsOwnCode() {
        assertEquals(Map.of("ticket", "MS-3009"), violations(new BindRequest("../../etc", "X", "k", PHONE, "p")));
        assertEquals(Map.of("ticket", "MS-3009"), violations(new BindRequest(null, "X", "k", PHONE, "p")));
        assertEquals(Map.of("ticket", "MS-3009"), violations(new BindRequest(TICKET + "x".repeat(60), "X", "k", PHONE, "p")));
    }

    @Test
    void missingPartsAndAnOverlongCodeAreNamed() {
        assertEquals(Set.of("code", "device", "proof", "publicKey"),
                failedFields(new BindRequest(TICKET, "x".repeat(33), " ", null, null)));
        assertTrue(failedFields(new BindRequest(TICKET, "FMTD-J5XD-7N  ", "k", PHONE, "p")).isEmpty(),
                "a code typed with dashes and spaces is still a code");
    }
}
