package org.medsign.mobile;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

/** The app's login (M14): the bearer token for one server and site, kept in the phone's folder. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AppSession(URI server, String token, String employeeNumber, String name, String siteCode,
                         String siteName, Instant expiresAt) {

    public static final String FILE = "session.json";

    /** The server's answer carries no address: the app remembers which server it logged in to. */
    public AppSession withServer(URI address) {
        return new AppSession(address, token, employeeNumber, name, siteCode, siteName, expiresAt);
    }

    public void save(Path home, ObjectMapper json) {
        try {
            Files.createDirectories(home);
            Path file = home.resolve(FILE);
            json.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static AppSession load(Path home, ObjectMapper json) {
        Path file = home.resolve(FILE);
        if (!Files.exists(file)) {
            throw ClientFailure.of("MS-1011", "not logged in: run 'login' first");
        }
        try {
            return json.readValue(file.toFile(), AppSession.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
