package org.medsign.cardagent;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.medsign.cardagent.backend.CardBackend;
import org.medsign.cardagent.backend.Pkcs11Backend;
import org.medsign.cardagent.backend.Pkcs12Backend;
import org.medsign.cardagent.card.CardEvents;
import org.medsign.cardagent.card.CardPresence;
import org.medsign.cardagent.card.CardService;
import org.medsign.cardagent.card.PinGuard;
import org.medsign.cardagent.card.SimulatedPresence;
import org.medsign.cardagent.pcsc.PcscReaderWatcher;
import org.medsign.cardagent.protocol.AgentHttpHandler;
import org.medsign.cardagent.protocol.CorsPolicy;

/** A running agent: the HTTP server on 127.0.0.1 and the card parts behind it. */
public final class CardAgent implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(CardAgent.class.getName());
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    /** Long-polls hold a thread for up to 30 s; browsers open at most six connections per host anyway. */
    private static final int THREADS = 16;
    static final String STATE_FILE = "pin-counter.properties";

    private final HttpServer server;
    private final ExecutorService executor;
    private final CardEvents events;
    private final PcscReaderWatcher watcher;

    private CardAgent(HttpServer server, ExecutorService executor, CardEvents events, PcscReaderWatcher watcher) {
        this.server = server;
        this.executor = executor;
        this.events = events;
        this.watcher = watcher;
    }

    public static CardAgent start(AgentConfig config) throws IOException, ConfigException {
        CardEvents events = new CardEvents();
        PcscReaderWatcher watcher = config.pcscReader() == null ? null
                : PcscReaderWatcher.system(config.pcscReader(), config.pcscLibrary(), events);
        CardBackend backend = backend(config, watcher);
        SimulatedPresence simulation = config.simulateCardEvents() ? new SimulatedPresence(events) : null;
        CardPresence presence = watcher != null ? watcher : simulation != null ? simulation : CardPresence.BACKEND_ONLY;
        CardService service = new CardService(backend, presence, simulation, pinGuard(config), events);

        HttpServer server = HttpServer.create(
                new InetSocketAddress(InetAddress.getByAddress(LOOPBACK), config.port()), 0);
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.createContext("/", new AgentHttpHandler(service, new CorsPolicy(config.allowedOrigins())));
        server.setExecutor(executor);
        server.start();
        if (watcher != null) {
            watcher.start();
        }
        LOG.info("card agent on port " + server.getAddress().getPort() + ", back end " + backend.type()
                + ", origins " + config.allowedOrigins() + (simulation != null ? ", card simulation on" : "")
                + (watcher != null ? ", watching PC/SC reader " + config.pcscReader() : ""));
        return new CardAgent(server, executor, events, watcher);
    }

    public static PinGuard pinGuard(AgentConfig config) {
        if (!config.agentPinCounter()) {
            return PinGuard.disabled();
        }
        Path stateFile = config.stateDir().resolve(STATE_FILE);
        return PinGuard.persistent(stateFile, config.cardKey(), config.pinTries());
    }

    private static CardBackend backend(AgentConfig config, PcscReaderWatcher watcher) throws ConfigException {
        if (config.backend() == AgentConfig.Backend.PKCS12) {
            return new Pkcs12Backend(config.pkcs12File(), config.keyAlias());
        }
        return new Pkcs11Backend(config.pkcs11Library(), config.pkcs11Slot(), config.pkcs11SlotIndex(),
                config.pkcs11TokenLabel(), watcher == null ? null : watcher::readerName, config.keyAlias());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "card-agent-http-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        events.close();
        server.stop(0);
        executor.shutdownNow();
        if (watcher != null) {
            try {
                watcher.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
