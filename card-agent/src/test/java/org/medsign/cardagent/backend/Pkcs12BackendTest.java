package org.medsign.cardagent.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.support.TestPki;

class Pkcs12BackendTest {
    @TempDir
    Path dir;

    @Test
    void theFilePasswordIsThePin() throws Exception {
        TestPki.Card card = TestPki.signingCard(TestPki.KeyType.RSA, "P12");
        Path file = TestPki.writePkcs12(card, dir.resolve("card.p12"), "card", "246810");
        Pkcs12Backend backend = new Pkcs12Backend(file, null);

        SignResult result = backend.sign(new byte[20], "246810".toCharArray());
        assertTrue(TestPki.verifies(card.certificate(), "SHA256withRSA", new byte[20], result.signature()));
        AgentException wrong = assertThrows(AgentException.class, () -> backend.sign(new byte[20], "246811".toCharArray()));
        assertEquals(AgentError.PIN_WRONG, wrong.error());
    }

    @Test
    void aDamagedFileIsACardErrorNotAWrongPin() throws Exception {
        Path file = Files.write(dir.resolve("card.p12"), new byte[] {1, 2, 3});
        Pkcs12Backend backend = new Pkcs12Backend(file, null);

        assertEquals(AgentError.CARD_ERROR,
                assertThrows(AgentException.class, () -> backend.sign(new byte[20], "246810".toCharArray())).error());
    }

    @Test
    void noFileIsNoCard() {
        Pkcs12Backend backend = new Pkcs12Backend(dir.resolve("none.p12"), null);

        assertTrue(backend.readerPresent());
        assertFalse(backend.cardPresent());
        assertEquals(AgentError.CARD_ABSENT,
                assertThrows(AgentException.class, () -> backend.sign(new byte[20], "246810".toCharArray())).error());
    }
}
