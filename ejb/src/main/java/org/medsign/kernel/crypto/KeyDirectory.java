package org.medsign.kernel.crypto;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.nio.file.Path;

/**
 * Where medsign keeps the keys it makes itself (the CA's key store, the institution's development key, the data key,
 * the development HCA): {@code medsign.keys.dir}, by default {@code medsign/} in the server's data directory. Every
 * node of a cluster points it at the same directory (a shared volume), so the cluster has one CA and one data key;
 * {@link KeyIdentities} refuses to start a node whose keys differ from the ones the database knows.
 */
public final class KeyDirectory {

    private KeyDirectory() {
    }

    public static Path of() {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("medsign.keys.dir", String.class).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(config.getOptionalValue("jboss.server.data.dir", String.class).orElse("target"),
                        "medsign"));
    }
}
