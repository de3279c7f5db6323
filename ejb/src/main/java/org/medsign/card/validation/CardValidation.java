package org.medsign.card.validation;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The server's card validation, configured by MicroProfile Config: {@code medsign.card.trust-anchors} (PEM files,
 * comma-separated; production: the HCA roots), {@code medsign.card.revocation-policy} ({@code fail-closed} or
 * {@code fail-open}), {@code medsign.card.crl-refresh-minutes}, {@code medsign.card.crl-timeout-seconds} and
 * {@code medsign.card.crl-max-megabytes}. Without configured anchors, those a deployed {@link DefaultTrustAnchors}
 * offers (the demo EAR's development HCA root), and nothing otherwise.
 */
@ApplicationScoped
public class CardValidation {

    private static final Logger LOG = Logger.getLogger(CardValidation.class.getName());

    @Inject
    @ConfigProperty(name = "medsign.card.trust-anchors")
    Optional<List<String>> anchorFiles;

    @Inject
    @ConfigProperty(name = "medsign.card.revocation-policy", defaultValue = "fail-closed")
    String policy;

    @Inject
    @ConfigProperty(name = "medsign.card.crl-refresh-minutes", defaultValue = "60")
    int refreshMinutes;

    @Inject
    @ConfigProperty(name = "medsign.card.crl-timeout-seconds", defaultValue = "10")
    int timeoutSeconds;

    @Inject
    @ConfigProperty(name = "medsign.card.crl-max-megabytes", defaultValue = "50")
    int maxMegabytes;

    @Inject
    @Any
    Instance<DefaultTrustAnchors> defaults;

    private CrlCache crls;
    private CardValidator validator;
    private volatile Set<TrustAnchor> anchors;

    @PostConstruct
    void configure() {
        crls = new CrlCache(new HttpCrlSource(Duration.ofSeconds(timeoutSeconds), maxMegabytes * 1024L * 1024L),
                Duration.ofMinutes(refreshMinutes));
        validator = new CardValidator(this::anchors, new RevocationChecker(crls), RevocationPolicy.parse(policy));
    }

    public ValidatedCard validate(List<X509Certificate> chain, Instant now) {
        return validator.validate(chain, now);
    }

    public List<CrlFreshness> crlFreshness() {
        return crls.freshness();
    }

    public void forgetCrl(URI location) {
        crls.forget(location);
    }

    /** Loaded on first use: a default anchor (the development HCA's root) may be written at start-up, before any login. */
    Set<TrustAnchor> anchors() {
        Set<TrustAnchor> loaded = anchors;
        if (loaded == null) {
            loaded = load();
            if (!loaded.isEmpty()) {
                anchors = loaded;
            }
        }
        return loaded;
    }

    private Set<TrustAnchor> load() {
        List<Path> files = anchorFiles.filter(list -> !list.isEmpty())
                .map(list -> list.stream().map(String::strip).filter(s -> !s.isEmpty()).map(Path::of).toList())
                .orElseGet(() -> defaults.stream().flatMap(source -> source.files().stream()).toList());
        Set<TrustAnchor> loaded = new HashSet<>();
        for (Path file : files) {
            if (!Files.isRegularFile(file)) {
                LOG.warning(() -> "Card trust anchor file " + file + " does not exist");
                continue;
            }
            try {
                for (X509Certificate certificate : CardCertificates.file(file)) {
                    loaded.add(new TrustAnchor(certificate, null));
                }
            } catch (IOException | CertificateException e) {
                LOG.warning(() -> "Card trust anchor file " + file + " is not PEM certificates: " + e);
            }
        }
        if (loaded.isEmpty()) {
            LOG.warning("No card trust anchors: card login refuses every card (set medsign.card.trust-anchors)");
        } else {
            LOG.info(() -> "Card trust anchors: " + files);
        }
        return loaded;
    }
}
