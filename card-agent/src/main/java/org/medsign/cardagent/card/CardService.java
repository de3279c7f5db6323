package org.medsign.cardagent.card;

import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.backend.CardBackend;
import org.medsign.cardagent.backend.PinStatus;
import org.medsign.cardagent.backend.SignResult;

/**
 * The card as the protocol sees it: a back end, what says whether the card is in (PC/SC watcher, simulation
 * or the back end alone) and the PIN counter. One card operation at a time, as a card allows.
 */
public final class CardService {
    private final CardBackend backend;
    private final CardPresence presence;
    private final SimulatedPresence simulation;
    private final PinGuard pinGuard;
    private final CardEvents events;
    private volatile List<X509Certificate> lastChain = List.of();

    /** @param simulation the simulated presence when simulation is on (then also {@code presence}), else null */
    public CardService(CardBackend backend, CardPresence presence, SimulatedPresence simulation, PinGuard pinGuard,
                       CardEvents events) {
        this.backend = backend;
        this.presence = presence;
        this.simulation = simulation;
        this.pinGuard = pinGuard;
        this.events = events;
        // a certificate read from one card must not be shown for the next one
        events.subscribe(event -> {
            if (event.type() == CardEvent.Type.CARD_REMOVED) {
                lastChain = List.of();
            }
        });
    }

    public synchronized CardStatus status() throws AgentException {
        boolean reader = presence.readerPresent() && backend.readerPresent();
        boolean card = reader && presence.cardPresent() && backend.cardPresent();
        if (!card) {
            lastChain = List.of();
        }
        PinStatus pin = pinGuard.enabled() ? pinGuard.status() : card ? backend.pinStatus() : PinStatus.UNKNOWN;
        return new CardStatus(backend.type(), reader, card, lastChain, pin.triesLeft(), pin.locked(),
                simulation != null);
    }

    /** Signs with the card key after the PIN; wipes the PIN array whatever happens. */
    public synchronized SignResult sign(byte[] data, char[] pin) throws AgentException {
        try {
            requireCard();
            int before = pinGuard.beginTry();
            SignResult result;
            try {
                result = backend.sign(data, pin);
            } catch (AgentException e) {
                if (e.error() == AgentError.PIN_WRONG && pinGuard.enabled()) {
                    throw pinGuard.wrongPin();
                }
                if (e.error() != AgentError.PIN_WRONG) {
                    pinGuard.forgive(before);
                }
                throw e;
            }
            pinGuard.succeeded();
            lastChain = result.chain();
            return result;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    public Optional<CardEvent> simulateRemove() throws AgentException {
        return requireSimulation().remove();
    }

    public Optional<CardEvent> simulateInsert() throws AgentException {
        return requireSimulation().insert();
    }

    public CardEvents events() {
        return events;
    }

    private void requireCard() throws AgentException {
        if (!presence.readerPresent() || !backend.readerPresent()) {
            throw new AgentException(AgentError.NO_READER, "no card reader found");
        }
        if (!presence.cardPresent() || !backend.cardPresent()) {
            throw new AgentException(AgentError.CARD_ABSENT, "no card in the reader");
        }
    }

    private SimulatedPresence requireSimulation() throws AgentException {
        if (simulation == null) {
            throw new AgentException(AgentError.SIMULATION_DISABLED,
                    "card simulation is off (it is only for soft cards started with simulate-card-events=true)");
        }
        return simulation;
    }
}
