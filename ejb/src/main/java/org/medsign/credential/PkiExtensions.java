package org.medsign.credential;

import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;

import java.net.URI;
import java.security.cert.X509Certificate;

/**
 * Where a certificate's relying parties find its revocation status and its issuer (RFC 5280 cRLDistributionPoints and
 * authorityInfoAccess), as addresses under the PKI's base URL ({@link PkiPaths}).
 */
final class PkiExtensions {

    private PkiExtensions() {
    }

    /** The CRL at {@code crlPath} and the issuer's certificate at {@code issuerPath}: for CA and TSA certificates. */
    static void revocationByCrl(X509v3CertificateBuilder builder, URI pkiBase, String crlPath, String issuerPath)
            throws CertIOException {
        builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(pkiBase, crlPath));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(pkiBase, issuerPath))));
    }

    /**
     * The CRL of the CA generation that issues it, the OCSP responder and the CA's certificate: for the staff and
     * institution certificates it issues.
     */
    static void revocationByCrlAndOcsp(X509v3CertificateBuilder builder, URI pkiBase, int generation) throws CertIOException {
        builder.addExtension(Extension.cRLDistributionPoints, false, distributionPoint(pkiBase, PkiPaths.crl(generation)));
        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(new AccessDescription[]{
                new AccessDescription(AccessDescription.id_ad_ocsp, uri(pkiBase, PkiPaths.OCSP)),
                new AccessDescription(AccessDescription.id_ad_caIssuers, uri(pkiBase, PkiPaths.issuingCa(generation)))}));
    }

    /** Whether a certificate says where its revocation status is published (certificates from before it did not). */
    static boolean namesItsCrl(X509Certificate certificate) {
        return certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()) != null;
    }

    private static CRLDistPoint distributionPoint(URI pkiBase, String path) {
        return new CRLDistPoint(new DistributionPoint[]{
                new DistributionPoint(new DistributionPointName(new GeneralNames(uri(pkiBase, path))), null, null)});
    }

    private static GeneralName uri(URI base, String path) {
        return new GeneralName(GeneralName.uniformResourceIdentifier, base.toString().replaceAll("/+$", "") + path);
    }
}
