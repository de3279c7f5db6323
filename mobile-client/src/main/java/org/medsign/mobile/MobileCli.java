package org.medsign.mobile;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * {@code medsign-mobile [--server URL] [--json] COMMAND}: the reference phone client on the command line.
 * Output is for people by default and for scripts with {@code --json}. Exit codes: 0 ok, 1 refused by
 * the server (its MS-xxxx code printed), 2 usage error, 3 server unreachable.
 */
public final class MobileCli {

    private final PrintStream out;
    private final PrintStream err;
    private final ObjectMapper json = new ObjectMapper();
    private URI server = URI.create(System.getenv().getOrDefault("MEDSIGN_SERVER", "http://localhost:8080/medsign"));
    private boolean jsonOutput;

    MobileCli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new MobileCli(System.out, System.err).run(List.of(args)));
    }

    int run(List<String> arguments) {
        Deque<String> args = new ArrayDeque<>(arguments);
        String command = null;
        while (!args.isEmpty() && command == null) {
            String arg = args.pop();
            switch (arg) {
                case "--server" -> server = URI.create(require(args, "--server"));
                case "--json" -> jsonOutput = true;
                case "-h", "--help" -> command = "help";
                default -> command = arg;
            }
        }
        try {
            return switch (command == null ? "help" : command) {
                case "health" -> health();
                case "help" -> usage(0);
                default -> {
                    err.println("Unknown command: " + command);
                    yield usage(2);
                }
            };
        } catch (MedsignApiException e) {
            err.println(e.getMessage());
            if (e.problem().action() != null) {
                err.println(e.problem().action());
            }
            return 1;
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return 3;
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
    }

    private int health() throws UncheckedIOException {
        ServerHealth health = new MedsignClient(server).health();
        if (jsonOutput) {
            print(health);
        } else {
            out.printf("%s: %s (medsign %s, API v%d)%n", server, health.status(), health.version(), health.apiVersion());
        }
        if (health.apiVersion() != MedsignClient.API_VERSION) {
            err.println("This client speaks API v" + MedsignClient.API_VERSION + "; the server speaks v" + health.apiVersion());
            return 1;
        }
        return health.up() ? 0 : 1;
    }

    private void print(Object value) {
        try {
            out.println(json.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private int usage(int exitCode) {
        (exitCode == 0 ? out : err).println("""
                usage: medsign-mobile [--server URL] [--json] COMMAND
                  --server URL   the medsign server (default $MEDSIGN_SERVER or http://localhost:8080/medsign)
                  --json         machine-readable output
                commands:
                  health         is the server up, and which API version does it speak""");
        return exitCode;
    }

    private static String require(Deque<String> args, String option) {
        if (args.isEmpty()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.pop();
    }
}
