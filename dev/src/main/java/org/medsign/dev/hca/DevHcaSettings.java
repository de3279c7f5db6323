package org.medsign.dev.hca;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.medsign.card.validation.DefaultTrustAnchors;
import org.medsign.kernel.crypto.KeyDirectory;

import java.nio.file.Path;
import java.util.List;

/**
 * Where and whether the development HCA lives. It is on when {@code medsign.card.dev-ca} says so, and by default
 * exactly when the demo data is on (the embedded default), never in a production set-up that leaves both unset.
 * Its CRLs are published by this server, so card certificates point at this server's own URL
 * ({@code medsign.card.dev-ca.base-url}, default {@code http://localhost:<8080 + port offset>/medsign}).
 * While on, its root is card validation's anchor unless {@code medsign.card.trust-anchors} names others.
 */
@ApplicationScoped
public class DevHcaSettings implements DefaultTrustAnchors {

    /** The PIN of every soft card the development HCA writes (documented in README). */
    public static final String SOFT_CARD_PIN = "123456";

    public boolean enabled() {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("medsign.card.dev-ca", Boolean.class)
                .orElseGet(() -> config.getOptionalValue("medsign.demo-data", Boolean.class).orElse(false));
    }

    public Path directory() {
        // beside medsign's own keys: the nodes of a cluster share one development HCA as they share one CA
        return KeyDirectory.of().resolve("dev-hca");
    }

    public Path rootCertificate() {
        return directory().resolve(DevCaStore.ROOT_PEM);
    }

    @Override
    public List<Path> files() {
        return enabled() ? List.of(rootCertificate()) : List.of();
    }

    public String baseUrl() {
        Config config = ConfigProvider.getConfig();
        return config.getOptionalValue("medsign.card.dev-ca.base-url", String.class)
                .map(url -> url.replaceFirst("/+$", ""))
                .orElseGet(() -> "http://localhost:"
                        + (8080 + config.getOptionalValue("jboss.socket.binding.port-offset", Integer.class).orElse(0))
                        + "/medsign");
    }

    public String cardCrlUrl() {
        return baseUrl() + "/pki/" + DevCaStore.CARD_CRL;
    }

    public String rootCrlUrl() {
        return baseUrl() + "/pki/" + DevCaStore.ROOT_CRL;
    }
}
