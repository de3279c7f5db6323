package org.medsign.cardagent;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * The agent's command line: {@code --config FILE}, {@code --unlock}, {@code --help} and any setting as
 * {@code --name value} or {@code --name=value}; command-line settings override the file's.
 */
public final class CommandLine {
    private final Properties settings;
    private final boolean unlock;
    private final boolean help;

    private CommandLine(Properties settings, boolean unlock, boolean help) {
        this.settings = settings;
        this.unlock = unlock;
        this.help = help;
    }

    public static CommandLine parse(String... args) throws ConfigException {
        Properties cli = new Properties();
        Path configFile = null;
        boolean unlock = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
                continue;
            }
            if (arg.equals("--unlock")) {
                unlock = true;
                continue;
            }
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new ConfigException("unexpected argument '" + arg + "' (options look like --port 17380)");
            }
            String name;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(2, eq);
                value = arg.substring(eq + 1);
            } else {
                name = arg.substring(2);
                if (i + 1 >= args.length) {
                    throw new ConfigException("option --" + name + " needs a value");
                }
                value = args[++i];
            }
            if (name.equals("config")) {
                configFile = Path.of(value);
            } else {
                AgentConfig.requireKnown(name);
                cli.setProperty(name, value);
            }
        }
        Properties settings = configFile == null ? new Properties() : readFile(configFile);
        settings.putAll(cli);
        return new CommandLine(settings, unlock, help);
    }

    /** Reads the file; its relative paths are relative to the file, so a config can sit next to its .p12. */
    private static Properties readFile(Path file) throws ConfigException {
        Properties fromFile = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            fromFile.load(in);
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage());
        }
        Path dir = file.toAbsolutePath().getParent();
        for (String name : fromFile.stringPropertyNames()) {
            AgentConfig.requireKnown(name);
            String value = fromFile.getProperty(name).trim();
            if (AgentConfig.isPathSetting(name) && !value.isEmpty() && !value.startsWith("~")
                    && !Path.of(value).isAbsolute()) {
                value = dir.resolve(value).normalize().toString();
            }
            fromFile.setProperty(name, value);
        }
        return fromFile;
    }

    public Properties settings() {
        return settings;
    }

    public boolean unlock() {
        return unlock;
    }

    public boolean help() {
        return help;
    }
}
