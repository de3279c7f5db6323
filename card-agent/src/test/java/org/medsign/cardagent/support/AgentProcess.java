package org.medsign.cardagent.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shaded agent jar run as a child process ({@code java -jar}), as a staff PC runs it. A child process is
 * also the only way to hand SunPKCS11 and SoftHSM2 their own SOFTHSM2_CONF.
 */
public final class AgentProcess implements AutoCloseable {
    private static final Pattern LISTENING = Pattern.compile("medsign card agent listening on (http://127\\.0\\.0\\.1:\\d+)");

    private final Process process;
    private final List<String> output;
    private final String url;

    private AgentProcess(Process process, List<String> output, String url) {
        this.process = process;
        this.output = output;
        this.url = url;
    }

    /** Starts the agent and waits for its "listening" line. */
    public static AgentProcess start(Map<String, String> environment, String... args) throws Exception {
        List<String> output = new CopyOnWriteArrayList<>();
        CompletableFuture<String> listening = new CompletableFuture<>();
        Process process = launch(environment, args);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.matches()) {
                        listening.complete(matcher.group(1));
                    }
                }
            } catch (IOException e) {
                listening.completeExceptionally(e);
            }
            listening.completeExceptionally(new IllegalStateException("the agent ended"));
        }, "agent-output");
        reader.setDaemon(true);
        reader.start();
        try {
            return new AgentProcess(process, output, listening.get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new AssertionError("the agent did not start:\n" + String.join("\n", output), e);
        }
    }

    /** Runs the jar to completion (e.g. {@code --unlock}); the exit code and all output. */
    public static Result run(Map<String, String> environment, String... args) throws Exception {
        Process process = launch(environment, args);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the agent did not finish:\n" + output);
        }
        return new Result(process.exitValue(), output);
    }

    public record Result(int exitCode, String output) {
    }

    private static Process launch(Map<String, String> environment, String... args) throws Exception {
        String jar = System.getProperty("agent.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new AssertionError("the shaded agent jar (system property agent.jar = " + jar + ") is missing;"
                    + " run the ITs with 'mvn -pl card-agent verify'");
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        return builder.start();
    }

    public String url() {
        return url;
    }

    public AgentClient client() {
        return new AgentClient(url);
    }

    /** Everything the agent printed and logged so far. */
    public String output() {
        return String.join("\n", output);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
