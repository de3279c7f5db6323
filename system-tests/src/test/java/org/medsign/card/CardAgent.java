package org.medsign.card;

import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real card agent (card-agent/target/medsign-card-agent.jar, started with {@code java -jar} as on a staff PC)
 * on a SoftHSM2 token, listening where the test server's pages look for it and serving the test portal's origin.
 */
public final class CardAgent implements AutoCloseable {

    private final Process process;
    private final List<String> output;
    private final String url = "http://127.0.0.1:" + MedsignServer.CARD_AGENT_PORT;

    private CardAgent(Process process, List<String> output) {
        this.process = process;
        this.output = output;
    }

    public static CardAgent start(SoftHsmCard token, Path stateDir) throws Exception {
        String jar = System.getProperty("medsign.card.agent.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError("card agent jar missing (medsign.card.agent.jar = " + jar + "): build card-agent first");
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar, "--port", String.valueOf(MedsignServer.CARD_AGENT_PORT),
                "--allowed-origins", "https://localhost:" + MedsignServer.HTTPS_PORT,
                "--pkcs11-library", SoftHsmCard.LIBRARY, "--pkcs11-token-label", token.label(),
                "--state-dir", Files.createDirectories(stateDir).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(token.environment());
        Process process = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    output.add(line);
                    if (line.contains("medsign card agent listening on")) {
                        listening.complete(null);
                    }
                }
            } catch (java.io.IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("the agent ended"));
        }, "card-agent-output");
        reader.setDaemon(true);
        reader.start();
        try {
            listening.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new AssertionError("the card agent did not start:\n" + String.join("\n", output), e);
        }
        return new CardAgent(process, output);
    }

    /** Pulls the soft card out (the agent's documented simulation for cards without a PC/SC reader). */
    public void remove() throws Exception {
        simulate("remove");
    }

    public void insert() throws Exception {
        simulate("insert");
    }

    private void simulate(String what) throws Exception {
        HttpResponse<String> response = DevTls.httpClient().send(HttpRequest.newBuilder(
                URI.create(url + "/v1/simulate/" + what)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("simulate " + what + ": " + response.statusCode() + " " + response.body());
        }
    }

    public String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
