package org.medsign.systemtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs outside programs the way a person would: zbarimg, openssl, and the mobile-client CLI jar. */
public final class Tools {

    private Tools() {
    }

    /** Runs a command that must succeed and returns its standard output. */
    public static String run(String... command) {
        Result result = runResult(List.of(command));
        if (result.exitCode() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited " + result.exitCode() + ": " + result.errors());
        }
        return result.output();
    }

    /** The mobile-client CLI (the shaded jar), pointed at the test server and trusting its TLS CA; must succeed. */
    public static String mobileCli(MedsignServer server, String... arguments) {
        Result result = mobileCliResult(server, arguments);
        if (result.exitCode() != 0) {
            throw new IllegalStateException("medsign-mobile exited " + result.exitCode() + ": " + result.errors());
        }
        return result.output();
    }

    public static Result mobileCliResult(MedsignServer server, String... arguments) {
        List<String> command = new ArrayList<>(List.of("java", "-jar", System.getProperty("medsign.mobile.cli"),
                "--server", server.baseUrl().toString(), "--trust", DevTls.caPem().toString()));
        command.addAll(List.of(arguments));
        return runResult(command);
    }

    /** Runs a command and returns what it said, whatever its exit code. */
    public static Result runResult(String... command) {
        return runResult(List.of(command));
    }

    private static Result runResult(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            byte[] err = process.getErrorStream().readAllBytes();
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                    new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** What a program said and how it ended. */
    public record Result(int exitCode, String output, String errors) {

        public String all() {
            return output + errors;
        }
    }
}
