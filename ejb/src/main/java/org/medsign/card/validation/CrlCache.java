package org.medsign.card.validation;

import org.medsign.kernel.crypto.BouncyCastle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * CRLs by distribution point. A cached CRL is used until its nextUpdate or until {@code refresh} has passed since it
 * was fetched, whichever comes first, so a newly revoked card is refused within {@code refresh} even when the CA
 * publishes CRLs valid for a week. When a refetch fails, the cached CRL is used while it is still current.
 * Every CRL is checked against the issuer of the certificate asked about (name and signature) on every use.
 */
public final class CrlCache {

    private static final Logger LOG = Logger.getLogger(CrlCache.class.getName());
    /** Clocks of CAs and of this server differ a little. */
    private static final Duration SKEW = Duration.ofMinutes(5);
    /** After a failed fetch, logins do not wait for the same distribution point again for this long. */
    private static final Duration RETRY_AFTER = Duration.ofMinutes(1);

    private final CrlSource source;
    private final Duration refresh;
    private final ConcurrentMap<URI, Entry> entries = new ConcurrentHashMap<>();
    private final ConcurrentMap<URI, Object> locks = new ConcurrentHashMap<>();
    private final ConcurrentMap<URI, Instant> failures = new ConcurrentHashMap<>();

    private record Entry(X509CRL crl, Instant fetchedAt) {
    }

    public CrlCache(CrlSource source, Duration refresh) {
        this.source = source;
        this.refresh = refresh;
    }

    /** A current CRL from {@code location} signed by {@code issuer}, or empty when none can be had now. */
    public Optional<X509CRL> current(URI location, X509Certificate issuer, Instant now) {
        Entry entry = entries.get(location);
        if (entry == null || entry.fetchedAt().plus(refresh).isBefore(now) || !current(entry.crl(), now)) {
            // one fetch per distribution point at a time; the others wait for its result
            synchronized (locks.computeIfAbsent(location, k -> new Object())) {
                Entry again = entries.get(location);
                Instant failed = failures.get(location);
                if (again == entry && (failed == null || failed.plus(RETRY_AFTER).isBefore(now))) {
                    entry = fetch(location, now).orElse(entry);
                } else {
                    entry = again;
                }
            }
        }
        if (entry == null || !current(entry.crl(), now) || !issuedBy(entry.crl(), issuer)) {
            return Optional.empty();
        }
        return Optional.of(entry.crl());
    }

    /** How fresh each cached CRL is, for IT's monitoring: when fetched, when its issuer will publish the next. */
    public java.util.List<CrlFreshness> freshness() {
        return entries.entrySet().stream()
                .map(e -> new CrlFreshness(e.getKey(), e.getValue().fetchedAt(), e.getValue().crl().getThisUpdate().toInstant(),
                        e.getValue().crl().getNextUpdate() == null ? null : e.getValue().crl().getNextUpdate().toInstant(),
                        failures.get(e.getKey())))
                .toList();
    }

    /** Drops a cached CRL, so that the next use fetches it (the development HCA calls this after publishing). */
    public void forget(URI location) {
        entries.remove(location);
        failures.remove(location);
    }

    private Optional<Entry> fetch(URI location, Instant now) {
        try {
            byte[] bytes = source.fetch(location);
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(bytes));
            Entry entry = new Entry(crl, now);
            entries.put(location, entry);
            failures.remove(location);
            LOG.fine(() -> "CRL fetched from " + location + ": " + (crl.getRevokedCertificates() == null ? 0
                    : crl.getRevokedCertificates().size()) + " entries, next update " + crl.getNextUpdate().toInstant());
            return Optional.of(entry);
        } catch (IOException | GeneralSecurityException | ClassCastException e) {
            failures.put(location, now);
            LOG.log(Level.WARNING, "Cannot fetch the CRL {0}: {1}", new Object[]{location, e.toString()});
            return Optional.empty();
        }
    }

    private static boolean current(X509CRL crl, Instant now) {
        Date next = crl.getNextUpdate();
        return next != null && next.toInstant().isAfter(now)
                && !crl.getThisUpdate().toInstant().isAfter(now.plus(SKEW));
    }

    private static boolean issuedBy(X509CRL crl, X509Certificate issuer) {
        if (!crl.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(issuer.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            LOG.warning(() -> "A CRL does not verify with its issuer's key: " + e);
            return false;
        }
    }
}
