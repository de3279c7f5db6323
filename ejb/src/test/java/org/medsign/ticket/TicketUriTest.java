package org.medsign.ticket;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TicketUriTest {

    private static final String ID = "q2kN0f3YbTnq6pS9X1v2Rw4mZk8";

    @Test
    void roundTrips() {
        TicketUri uri = new TicketUri("bind", URI.create("https://portal.hospital.example/medsign"), ID);
        String text = uri.format();
        assertEquals("medsign://bind?v=1&server=https%3A%2F%2Fportal.hospital.example%2Fmedsign&ticket=" + ID, text);
        assertEquals(uri, TicketUri.parse(text));
    }

    @Test
    void refusesWhatIsNotATicketUri() {
        for (String bad : new String[]{"https://evil.example/?ticket=" + ID, "medsign://bind?v=2&server=https%3A%2F%2Fx&ticket=" + ID,
                "medsign://bind?v=1&server=javascript%3Aalert(1)&ticket=" + ID, "medsign://bind?v=1&server=https%3A%2F%2Fx&ticket=short",
                "medsign://bind?v=1&ticket=" + ID, "not a uri at all", ""}) {
            assertThrows(IllegalArgumentException.class, () -> TicketUri.parse(bad), bad);
        }
    }
}
