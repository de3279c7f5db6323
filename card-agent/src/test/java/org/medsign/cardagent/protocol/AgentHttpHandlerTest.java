package org.medsign.cardagent.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AgentHttpHandlerTest {
    @Test
    void onlyLoopbackNamesAreAcceptedAsHost() {
        assertTrue(AgentHttpHandler.isLoopbackHost("127.0.0.1:17380"));
        assertTrue(AgentHttpHandler.isLoopbackHost("LOCALHOST:17380"));
        assertTrue(AgentHttpHandler.isLoopbackHost("localhost"));
        assertFalse(AgentHttpHandler.isLoopbackHost("127.0.0.1.evil.example:17380"));
        assertFalse(AgentHttpHandler.isLoopbackHost("localhost:17380:1"));
        assertFalse(AgentHttpHandler.isLoopbackHost("localhost:"));
        assertFalse(AgentHttpHandler.isLoopbackHost(null));
    }

    @Test
    void loggedTextStaysOnePrintableLine() {
        assertEquals("https://a.example?? fake line", AgentHttpHandler.printable("https://a.example\r\n fake line"));
        assertEquals("-", AgentHttpHandler.printable(null));
        assertEquals(200, AgentHttpHandler.printable("x".repeat(500)).length());
    }
}
