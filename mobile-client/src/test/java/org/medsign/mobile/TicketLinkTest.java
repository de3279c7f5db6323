package org.medsign.mobile;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TicketLinkTest {

    private static final String LINK =
            "medsign://bind?v=1&server=https%3A%2F%2Fportal.hospital.example%2Fmedsign&ticket=q2kN0f3YbTnq6pS9X1v2Rw4mZk8";

    @Test
    void readsThePortalsQrText() {
        TicketLink link = TicketLink.parse(LINK);
        assertEquals("bind", link.purpose());
        assertEquals(URI.create("https://portal.hospital.example/medsign"), link.server());
        assertEquals("q2kN0f3YbTnq6pS9X1v2Rw4mZk8", link.ticket());
        link.expectServer(URI.create("https://portal.hospital.example/medsign/"));
    }

    @Test
    void refusesAQrOfAnotherServerWithMs3009() {
        MedsignApiException e = assertThrows(MedsignApiException.class,
                () -> TicketLink.parse(LINK).expectServer(URI.create("https://other.example/medsign")));
        assertEquals("MS-3009", e.code());
    }

    @Test
    void refusesMalformedLinks() {
        for (String bad : new String[]{"", "hello", "https://portal/medsign?ticket=x",
                LINK.replace("v=1", "v=9"), LINK.replace("ticket=q2kN0f3YbTnq6pS9X1v2Rw4mZk8", "ticket=x"),
                LINK.replace("https%3A%2F%2F", "file%3A%2F%2F")}) {
            assertEquals("MS-3009", assertThrows(MedsignApiException.class, () -> TicketLink.parse(bad)).code(), bad);
        }
        assertThrows(MedsignApiException.class, () -> TicketLink.parse(LINK).expectPurpose("enrol"));
    }

    @Test
    void theProofMessageNamesTheTicketAndTheKey() {
        String message = new String(DeviceBinder.proofMessage("T", new byte[]{1, 2, 3}), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals("medsign-bind-v1\nT\n039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81", message);
    }
}
