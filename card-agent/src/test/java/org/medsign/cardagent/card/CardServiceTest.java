package org.medsign.cardagent.card;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.backend.CardBackend;
import org.medsign.cardagent.backend.PinStatus;
import org.medsign.cardagent.backend.SignResult;
import org.medsign.cardagent.support.TestPki;

class CardServiceTest {
    private static TestPki.Card card;

    @TempDir
    Path dir;
    private final FakeBackend backend = new FakeBackend();
    private final CardEvents events = new CardEvents();

    @BeforeAll
    static void makeCard() {
        card = TestPki.signingCard(TestPki.KeyType.EC, "Service Card");
    }

    @Test
    void thePinArrayIsWipedWhateverHappens() throws Exception {
        CardService service = service(PinGuard.disabled(), null);
        char[] right = "123456".toCharArray();
        char[] wrong = "654321".toCharArray();

        service.sign(new byte[16], right);
        assertThrows(AgentException.class, () -> service.sign(new byte[16], wrong));

        assertArrayEquals(new char[6], right);
        assertArrayEquals(new char[6], wrong);
    }

    @Test
    void cardFailuresOtherThanThePinCostNoTry() throws Exception {
        PinGuard guard = PinGuard.persistent(dir.resolve("pins"), "card", 3);
        CardService service = service(guard, null);
        backend.failure = new AgentException(AgentError.CARD_ERROR, "broken");

        assertThrows(AgentException.class, () -> service.sign(new byte[16], "123456".toCharArray()));

        assertEquals(3, guard.status().triesLeft());
    }

    @Test
    void withoutTheAgentsCounterTheCardsOwnAnswerPassesThrough() throws Exception {
        CardService service = service(PinGuard.disabled(), null);
        backend.pinStatus = new PinStatus(1, false);

        AgentException wrong = assertThrows(AgentException.class, () -> service.sign(new byte[16], "000000".toCharArray()));

        assertEquals(AgentError.PIN_WRONG, wrong.error());
        assertEquals(1, service.status().pinTriesLeft());
    }

    @Test
    void noReaderComesBeforeNoCard() throws Exception {
        CardService service = service(PinGuard.disabled(), null);
        backend.readerIn = false;
        backend.cardIn = false;

        assertEquals(AgentError.NO_READER,
                assertThrows(AgentException.class, () -> service.sign(new byte[16], "123456".toCharArray())).error());
        CardStatus status = service.status();
        assertFalse(status.readerPresent());
        assertFalse(status.cardPresent());
        assertEquals(0, backend.signs, "nothing reached the card");
    }

    @Test
    void theCertificateIsForgottenWhenTheCardGoes() throws Exception {
        SimulatedPresence simulation = new SimulatedPresence(events);
        CardService service = service(PinGuard.disabled(), simulation);

        service.sign(new byte[16], "123456".toCharArray());
        assertEquals(List.of(card.certificate(), card.ca()), service.status().chain());
        assertTrue(service.status().simulation());

        assertTrue(service.simulateRemove().isPresent());
        assertTrue(service.simulateInsert().isPresent());

        assertTrue(service.status().chain().isEmpty());
    }

    @Test
    void simulationNeedsToBeOn() {
        CardService service = service(PinGuard.disabled(), null);

        assertEquals(AgentError.SIMULATION_DISABLED,
                assertThrows(AgentException.class, service::simulateRemove).error());
    }

    private CardService service(PinGuard guard, SimulatedPresence simulation) {
        return new CardService(backend, simulation == null ? CardPresence.BACKEND_ONLY : simulation, simulation,
                guard, events);
    }

    /** Accepts PIN 123456 only. */
    private static final class FakeBackend implements CardBackend {
        boolean readerIn = true;
        boolean cardIn = true;
        PinStatus pinStatus = PinStatus.UNKNOWN;
        AgentException failure;
        int signs;

        @Override
        public String type() {
            return "fake";
        }

        @Override
        public boolean readerPresent() {
            return readerIn;
        }

        @Override
        public boolean cardPresent() {
            return cardIn;
        }

        @Override
        public PinStatus pinStatus() {
            return pinStatus;
        }

        @Override
        public SignResult sign(byte[] data, char[] pin) throws AgentException {
            signs++;
            if (failure != null) {
                throw failure;
            }
            if (!"123456".equals(new String(pin))) {
                throw new AgentException(AgentError.PIN_WRONG, "wrong PIN", pinStatus.triesLeft());
            }
            return new SignResult(new byte[] {1}, "SHA256withECDSA", List.of(card.certificate(), card.ca()));
        }
    }
}
