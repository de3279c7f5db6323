package org.medsign.card.validation;

import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;

import java.io.IOException;
import java.net.URI;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Tells whether a certificate is revoked, from the CRL at its cRLDistributionPoints (HTTP URIs; LDAP is skipped). */
public final class RevocationChecker {

    private final CrlCache crls;

    public RevocationChecker(CrlCache crls) {
        this.crls = crls;
    }

    public RevocationStatus status(X509Certificate certificate, X509Certificate issuer, Instant now) {
        for (URI point : distributionPoints(certificate)) {
            Optional<X509CRL> crl = crls.current(point, issuer, now);
            if (crl.isPresent()) {
                return crl.get().getRevokedCertificate(certificate) == null ? RevocationStatus.GOOD : RevocationStatus.REVOKED;
            }
        }
        return RevocationStatus.UNKNOWN;
    }

    /** The HTTP(S) locations of the certificate's CRL, in the certificate's order; empty when it names none. */
    public static List<URI> distributionPoints(X509Certificate certificate) {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        List<URI> points = new ArrayList<>();
        if (value == null) {
            return points;
        }
        try {
            ASN1Primitive parsed = JcaX509ExtensionUtils.parseExtensionValue(value);
            for (DistributionPoint point : CRLDistPoint.getInstance(parsed).getDistributionPoints()) {
                DistributionPointName name = point.getDistributionPoint();
                if (name == null || name.getType() != DistributionPointName.FULL_NAME) {
                    continue;
                }
                for (GeneralName general : GeneralNames.getInstance(name.getName()).getNames()) {
                    if (general.getTagNo() == GeneralName.uniformResourceIdentifier) {
                        String uri = general.getName().toString();
                        if (uri.regionMatches(true, 0, "http://", 0, 7) || uri.regionMatches(true, 0, "https://", 0, 8)) {
                            points.add(URI.create(uri));
                        }
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            // a malformed extension names no usable location: revocation is then unknown
            return List.of();
        }
        return points;
    }
}
