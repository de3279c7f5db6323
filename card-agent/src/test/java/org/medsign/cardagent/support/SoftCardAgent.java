package org.medsign.cardagent.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.medsign.cardagent.AgentConfig;
import org.medsign.cardagent.CardAgent;

/** An agent started in this JVM on a free port with a PKCS#12 soft card. */
public final class SoftCardAgent implements AutoCloseable {
    public static final String PIN = "824613";

    private final CardAgent agent;
    private final AgentClient client;
    private final Properties settings;

    private SoftCardAgent(CardAgent agent, Properties settings) {
        this.agent = agent;
        this.settings = settings;
        this.client = new AgentClient(agent.url());
    }

    /** Writes the card to {@code dir/card.p12} (unless it is there) and starts an agent on it; state in {@code dir/state}. */
    public static SoftCardAgent start(Path dir, TestPki.Card card, Map<String, String> extraSettings) throws Exception {
        Files.createDirectories(dir);
        Path p12 = dir.resolve("card.p12");
        if (!Files.exists(p12)) {
            TestPki.writePkcs12(card, p12, "card", PIN);
        }
        Properties settings = new Properties();
        settings.setProperty("port", "0");
        settings.setProperty("pkcs12-file", p12.toString());
        settings.setProperty("state-dir", dir.resolve("state").toString());
        settings.putAll(extraSettings);
        return new SoftCardAgent(CardAgent.start(AgentConfig.from(settings)), settings);
    }

    public AgentClient client() {
        return client;
    }

    public int port() {
        return agent.port();
    }

    public Properties settings() {
        return settings;
    }

    @Override
    public void close() {
        agent.close();
    }
}
