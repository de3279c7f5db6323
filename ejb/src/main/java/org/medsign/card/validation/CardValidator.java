package org.medsign.card.validation;

import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.Certificate;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.PKIXCertPathBuilderResult;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Decides whether a card certificate may be used (R2), in the order a person can act on: is it a card of a trusted
 * HCA at all (MS-2009), is it in its validity period (MS-2007), is it revoked (MS-2008), can revocation be checked
 * (MS-2014, or accepted and flagged under the fail-open policy). The chain comes from the card and may hold
 * intermediates; only the configured anchors are trusted.
 */
public final class CardValidator {

    private final Supplier<Set<TrustAnchor>> anchors;
    private final RevocationChecker revocation;
    private final RevocationPolicy policy;

    public CardValidator(Supplier<Set<TrustAnchor>> anchors, RevocationChecker revocation, RevocationPolicy policy) {
        this.anchors = anchors;
        this.revocation = revocation;
        this.policy = policy;
    }

    /** @param chain the card certificate first, then whatever issuers the card holds */
    public ValidatedCard validate(List<X509Certificate> chain, Instant now) {
        X509Certificate card = chain.get(0);
        if (!forSignatures(card)) {
            throw new MedsignException(ErrorCode.CARD_UNTRUSTED);
        }
        PKIXCertPathBuilderResult path = path(chain, now).orElseThrow(() -> new MedsignException(
                !validAt(card, now) && path(chain, insideValidity(card, chain, now)).isPresent()
                        ? ErrorCode.CARD_EXPIRED : ErrorCode.CARD_UNTRUSTED));
        boolean checked = true;
        List<? extends Certificate> certificates = path.getCertPath().getCertificates();
        for (int i = 0; i < certificates.size(); i++) {
            X509Certificate subject = (X509Certificate) certificates.get(i);
            X509Certificate issuer = i + 1 < certificates.size() ? (X509Certificate) certificates.get(i + 1)
                    : path.getTrustAnchor().getTrustedCert();
            // a CA certificate without a distribution point is as trusted as its anchor says; the card must have one
            if (i > 0 && RevocationChecker.distributionPoints(subject).isEmpty()) {
                continue;
            }
            RevocationStatus status = revocation.status(subject, issuer, now);
            if (status == RevocationStatus.REVOKED) {
                throw new MedsignException(ErrorCode.CARD_REVOKED);
            }
            if (status == RevocationStatus.UNKNOWN) {
                if (policy == RevocationPolicy.FAIL_CLOSED) {
                    throw new MedsignException(ErrorCode.CARD_REVOCATION_UNKNOWN);
                }
                checked = false;
            }
        }
        return ValidatedCard.of(card, checked);
    }

    /** A professional card holds a signing and an encryption key; only the signing certificate proves the holder. */
    private static boolean forSignatures(X509Certificate card) {
        boolean[] usage = card.getKeyUsage();
        return usage == null || usage.length > 1 && (usage[0] || usage[1]);
    }

    private Optional<PKIXCertPathBuilderResult> path(List<X509Certificate> chain, Instant at) {
        Set<TrustAnchor> trusted = anchors.get();
        if (trusted.isEmpty()) {
            return Optional.empty();
        }
        try {
            X509CertSelector target = new X509CertSelector();
            target.setCertificate(chain.get(0));
            PKIXBuilderParameters parameters = new PKIXBuilderParameters(trusted, target);
            // revocation is checked above, with this application's CRL cache and policy
            parameters.setRevocationEnabled(false);
            parameters.setDate(Date.from(at));
            parameters.setMaxPathLength(4);
            parameters.addCertStore(CertStore.getInstance("Collection", new CollectionCertStoreParameters(chain)));
            return Optional.of((PKIXCertPathBuilderResult) CertPathBuilder.getInstance("PKIX").build(parameters));
        } catch (GeneralSecurityException e) {
            return Optional.empty();
        }
    }

    private static boolean validAt(X509Certificate card, Instant now) {
        return !now.isBefore(card.getNotBefore().toInstant()) && !now.isAfter(card.getNotAfter().toInstant());
    }

    /**
     * A moment the card was (or will be) valid, inside the validity of the certificates it came with, to tell
     * "expired card of a trusted HCA" from "untrusted card".
     */
    private static Instant insideValidity(X509Certificate card, List<X509Certificate> chain, Instant now) {
        Instant candidate = now.isBefore(card.getNotBefore().toInstant()) ? card.getNotBefore().toInstant()
                : card.getNotAfter().toInstant().minus(Duration.ofSeconds(1));
        Instant start = chain.stream().map(c -> c.getNotBefore().toInstant()).max(Instant::compareTo).orElse(candidate);
        Instant end = chain.stream().map(c -> c.getNotAfter().toInstant()).min(Instant::compareTo).orElse(candidate);
        if (!start.isAfter(end)) {
            candidate = candidate.isBefore(start) ? start : candidate.isAfter(end) ? end : candidate;
        }
        return candidate;
    }
}
