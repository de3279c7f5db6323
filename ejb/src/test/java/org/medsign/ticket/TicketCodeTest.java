package org.medsign.ticket;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TicketCodeTest {

    @Test
    void codesAreTenSymbolsOfAnUnambiguousAlphabet() {
        assertEquals(32, TicketCode.ALPHABET.chars().distinct().count());
        for (char lookAlike : "01OI".toCharArray()) {
            assertEquals(-1, TicketCode.ALPHABET.indexOf(lookAlike));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String code = TicketCode.newCode();
            assertTrue(code.matches("[" + TicketCode.ALPHABET + "]{10}"), code);
            seen.add(code);
        }
        assertEquals(1000, seen.size());
    }

    @Test
    void comparesWithoutCaseAndIgnoresSpacing() {
        String salt = TicketCode.newSalt();
        String hash = TicketCode.hash("FMTDJ5XD7N", salt);
        assertTrue(TicketCode.matches("fmtdj5xd7n", salt, hash));
        assertTrue(TicketCode.matches(" FMTDJ 5XD7N ", salt, hash));
        assertFalse(TicketCode.matches("FMTDJ5XD7M", salt, hash));
        assertFalse(TicketCode.matches(null, salt, hash));
    }

    @Test
    void storesOnlyASaltedHash() {
        String a = TicketCode.hash("FMTDJ5XD7N", TicketCode.newSalt());
        String b = TicketCode.hash("FMTDJ5XD7N", TicketCode.newSalt());
        assertNotEquals(a, b);
        assertFalse(a.contains("FMTDJ5XD7N"));
    }

    @Test
    void ticketIdsCarryAtLeast128RandomBits() {
        String id = TicketCode.newTicketId();
        assertTrue(id.matches("[A-Za-z0-9_-]{27}"), id);
    }
}
