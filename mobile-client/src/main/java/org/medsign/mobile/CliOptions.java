package org.medsign.mobile;

import java.io.Console;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CLI's words: {@code --name value} options and flags anywhere, the rest positional (the command first).
 * Secrets not given on the command line come from the environment or are asked for without echo.
 */
final class CliOptions {

    private static final Set<String> FLAGS = Set.of("--json", "--help", "-h", "--no-download");

    private final Map<String, String> options = new HashMap<>();
    private final List<String> positional = new ArrayList<>();

    CliOptions(List<String> arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String arg = arguments.get(i);
            if (FLAGS.contains(arg)) {
                options.put(arg, "true");
            } else if (arg.startsWith("--") && arg.contains("=")) {
                options.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else if (arg.startsWith("--")) {
                if (i + 1 >= arguments.size()) {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                options.put(arg, arguments.get(++i));
            } else {
                positional.add(arg);
            }
        }
    }

    String command() {
        return positional.isEmpty() ? "help" : positional.get(0);
    }

    boolean flag(String name) {
        return options.containsKey(name);
    }

    String get(String name) {
        return options.get(name);
    }

    String get(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    int getInt(String name, int fallback) {
        String value = options.get(name);
        try {
            return value == null ? fallback : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a number");
        }
    }

    /** A secret: the option, else the environment variable, else a prompt without echo. */
    char[] secret(String name, String environment, String prompt) {
        String value = options.getOrDefault(name, System.getenv(environment));
        if (value != null) {
            return value.toCharArray();
        }
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException(name + " (or " + environment + ") is required without a terminal");
        }
        char[] typed = console.readPassword("%s: ", prompt);
        if (typed == null || typed.length == 0) {
            throw new IllegalArgumentException(prompt + " is required");
        }
        return typed;
    }
}
