package org.medsign.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What the phone remembers about itself, in its home folder: {@code device.json} (server, device id, name)
 * beside {@code keys.p12} (the keys, protected by the store password).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeviceProfile(URI server, String deviceId, String name, String owner, String keyAlgorithm) {

    public static final String FILE = "device.json";
    public static final String KEY_STORE = "keys.p12";

    public static Path keyStore(Path home) {
        return home.resolve(KEY_STORE);
    }

    public void save(Path home, ObjectMapper json) {
        try {
            Files.createDirectories(home);
            json.writerWithDefaultPrettyPrinter().writeValue(home.resolve(FILE).toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static DeviceProfile load(Path home, ObjectMapper json) {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("This phone is not bound yet (no " + file + "); run 'bind' first");
        }
        try {
            return json.readValue(file.toFile(), DeviceProfile.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
