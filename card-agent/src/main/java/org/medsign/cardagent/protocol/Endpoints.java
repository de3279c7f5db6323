package org.medsign.cardagent.protocol;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.card.CardEvent;
import org.medsign.cardagent.card.CardEvents;
import org.medsign.cardagent.card.CardService;
import org.medsign.cardagent.card.CardStatus;
import org.medsign.cardagent.backend.SignResult;

/** The /v1 endpoints. */
final class Endpoints {
    static final String AGENT_VERSION = "1.0.0";
    static final long MAX_WAIT_MILLIS = 30_000;

    private final CardService service;

    Endpoints(CardService service) {
        this.service = service;
    }

    /** @param route the path after /v1 */
    int serve(HttpExchange exchange, String method, String route) throws AgentException, IOException {
        switch (route) {
            case "/status":
                requireMethod(method, "GET");
                return send(exchange, status(service.status()));
            case "/sign":
                requireMethod(method, "POST");
                return send(exchange, sign(exchange));
            case "/events":
                requireMethod(method, "GET");
                return send(exchange, events(exchange.getRequestURI().getRawQuery()));
            case "/simulate/remove":
                requireMethod(method, "POST");
                return send(exchange, simulation(service.simulateRemove(), false));
            case "/simulate/insert":
                requireMethod(method, "POST");
                return send(exchange, simulation(service.simulateInsert(), true));
            default:
                throw new AgentException(AgentError.NOT_FOUND, "no such endpoint in protocol 1");
        }
    }

    private static Messages.Status status(CardStatus card) {
        List<String> chain = Pem.chain(card.chain());
        return new Messages.Status(Messages.PROTOCOL, AGENT_VERSION, card.backend(), card.readerPresent(),
                card.cardPresent(), chain.isEmpty() ? null : chain.get(0), chain, card.pinTriesLeft(),
                card.locked(), card.simulation());
    }

    private Messages.SignResponse sign(HttpExchange exchange) throws AgentException, IOException {
        Exchanges.requireJson(exchange);
        Messages.SignRequest request = SignRequests.parse(Exchanges.readBody(exchange));
        try {
            byte[] challenge = SignRequests.validate(request);
            SignResult result = service.sign(challenge, request.pin());
            List<String> chain = Pem.chain(result.chain());
            return new Messages.SignResponse(Base64.getEncoder().encodeToString(result.signature()),
                    result.algorithm(), chain.get(0), chain);
        } finally {
            if (request.pin() != null) {
                Arrays.fill(request.pin(), '\0');
            }
        }
    }

    private Messages.Events events(String query) throws AgentException {
        long after = 0;
        long waitMillis = 0;
        for (String pair : query == null ? new String[0] : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            if (name.equals("after")) {
                after = nonNegative(name, value);
            } else if (name.equals("waitMillis")) {
                waitMillis = Math.min(MAX_WAIT_MILLIS, nonNegative(name, value));
            }
        }
        try {
            CardEvents.Batch batch = service.events().await(after, Duration.ofMillis(waitMillis));
            return new Messages.Events(batch.events().stream().map(Endpoints::event).toList(), batch.last());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentException(AgentError.INTERNAL, "the agent is stopping");
        }
    }

    private static Messages.Simulation simulation(Optional<CardEvent> event, boolean present) {
        return new Messages.Simulation(present, event.map(Endpoints::event).orElse(null));
    }

    private static Messages.Event event(CardEvent event) {
        return new Messages.Event(event.seq(), event.type().name(), event.at().toString());
    }

    private static long nonNegative(String name, String value) throws AgentException {
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            parsed = -1;
        }
        if (parsed < 0) {
            throw new AgentException(AgentError.BAD_REQUEST, name + " must be a whole number of at least 0");
        }
        return parsed;
    }

    private static void requireMethod(String method, String allowed) throws AgentException {
        if (!method.equals(allowed)) {
            throw new AgentException(AgentError.METHOD_NOT_ALLOWED, "use " + allowed + " here");
        }
    }

    private static int send(HttpExchange exchange, Object body) throws IOException {
        Exchanges.sendJson(exchange, 200, body);
        return 200;
    }
}
