package org.medsign.cardagent.protocol;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.card.CardService;

/**
 * Every request passes here: the Host and Origin checks, CORS, routing to the /v1 endpoints, error answers
 * and the request log (method, path, origin and status only: never a body, it may hold the PIN).
 */
public final class AgentHttpHandler implements HttpHandler {
    private static final Logger LOG = Logger.getLogger(AgentHttpHandler.class.getName());
    private static final Pattern VERSIONED = Pattern.compile("^/v([0-9]+)(/.*)?$");

    private final CorsPolicy cors;
    private final Endpoints endpoints;

    public AgentHttpHandler(CardService service, CorsPolicy cors) {
        this.cors = cors;
        this.endpoints = new Endpoints(service);
    }

    @Override
    public void handle(HttpExchange exchange) {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        int status;
        try {
            status = serve(exchange, method, path, origin);
        } catch (AgentException e) {
            status = sendError(exchange, e);
        } catch (IOException e) {
            status = -1;
            LOG.log(Level.FINE, "the client went away", e);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "request failed: " + method + " " + printable(path), e);
            status = sendError(exchange, new AgentException(AgentError.INTERNAL, "the agent failed: " + e));
        } finally {
            exchange.close();
        }
        LOG.info(method + " " + printable(path) + " origin=" + printable(origin) + " -> " + status);
    }

    private int serve(HttpExchange exchange, String method, String path, String origin)
            throws AgentException, IOException {
        // DNS rebinding: a foreign page whose host name resolves to 127.0.0.1 sends its own name as Host
        if (!isLoopbackHost(exchange.getRequestHeaders().getFirst("Host"))) {
            throw new AgentException(AgentError.HOST_REFUSED, "the agent answers only as 127.0.0.1 or localhost");
        }
        // no Origin: not a browser page (curl, a local program); those run as the user anyway
        if (origin != null) {
            if (!cors.allows(origin)) {
                throw new AgentException(AgentError.ORIGIN_REFUSED, "this page may not use the card agent");
            }
            cors.addResponseHeaders(exchange.getResponseHeaders(), origin);
        }
        if (method.equals("OPTIONS")) {
            if (origin != null) {
                cors.addPreflightHeaders(exchange.getResponseHeaders(), exchange.getRequestHeaders());
            }
            exchange.getResponseHeaders().set("Allow", "GET, POST, OPTIONS");
            Exchanges.sendEmpty(exchange, 204);
            return 204;
        }
        Matcher versioned = VERSIONED.matcher(path);
        if (!versioned.matches()) {
            throw new AgentException(AgentError.NOT_FOUND, "no such endpoint; the protocol lives under /v1");
        }
        if (!versioned.group(1).equals(Integer.toString(Messages.PROTOCOL))) {
            throw new AgentException(AgentError.PROTOCOL_UNSUPPORTED,
                    "this agent speaks protocol " + Messages.PROTOCOL + "; install the agent version the portal asks for");
        }
        return endpoints.serve(exchange, method, versioned.group(2) == null ? "" : versioned.group(2));
    }

    static boolean isLoopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.trim().toLowerCase(Locale.ROOT);
        int colon = host.lastIndexOf(':');
        if (colon > 0) {
            String port = host.substring(colon + 1);
            if (port.isEmpty() || !port.chars().allMatch(Character::isDigit)) {
                return false;
            }
            host = host.substring(0, colon);
        }
        return host.equals("127.0.0.1") || host.equals("localhost");
    }

    private static int sendError(HttpExchange exchange, AgentException e) {
        int status = e.error().httpStatus();
        try {
            Exchanges.sendJson(exchange, status,
                    new Messages.Error(e.error().code(), e.getMessage(), e.pinTriesLeft()));
        } catch (IOException io) {
            LOG.log(Level.FINE, "the client went away before the error answer", io);
        }
        return status;
    }

    /** Request lines come from anyone: keep them one printable line in the log. */
    static String printable(String text) {
        if (text == null) {
            return "-";
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }
}
