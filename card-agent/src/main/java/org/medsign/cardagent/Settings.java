package org.medsign.cardagent;

import java.nio.file.Path;
import java.util.Properties;

/** Typed reads of raw settings with messages that name the offending option. */
final class Settings {
    private final Properties properties;

    Settings(Properties properties) {
        this.properties = properties;
    }

    boolean has(String name) {
        return text(name, null) != null;
    }

    /** The trimmed value, or the default when the option is absent or blank. */
    String text(String name, String defaultValue) {
        String value = properties.getProperty(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        return value.trim();
    }

    int integer(String name, int defaultValue, int min, int max) throws ConfigException {
        return (int) number(name, defaultValue, min, max);
    }

    long number(String name, long defaultValue, long min, long max) throws ConfigException {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        try {
            long parsed = Long.parseLong(value);
            if (parsed < min || parsed > max) {
                throw new ConfigException(name + " must be between " + min + " and " + max + ", not " + value);
            }
            return parsed;
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a number, not '" + value + "'");
        }
    }

    boolean bool(String name, boolean defaultValue) throws ConfigException {
        String value = text(name, null);
        if (value == null) {
            return defaultValue;
        }
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new ConfigException(name + " must be true or false, not '" + value + "'");
    }

    static Path expandHome(String path) {
        if (path.equals("~") || path.startsWith("~/")) {
            return Path.of(System.getProperty("user.home"), path.substring(1).replaceFirst("^/", ""));
        }
        return Path.of(path);
    }
}
