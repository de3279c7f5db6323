package org.medsign.credential;

import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.crypto.BouncyCastle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * What IT imports at the end of a CA rollover: the certificate the offline root issued for the pending key (PEM or
 * DER), optionally followed by the root's new CRL (PEM). Before medsign switches, the certificate must carry the
 * pending key (MS-4018), be signed by the trusted root (MS-4019), be a CA's (MS-4020) and be valid now and for as long
 * as the certificates it will issue (MS-4021); a CRL given with it must be the root's (MS-4019).
 */
record CaCertificateImport(X509Certificate certificate, Optional<X509CRL> rootCrl) {

    /** Reads the upload; MS-4017 when it holds no certificate. */
    static CaCertificateImport read(byte[] upload) {
        List<X509Certificate> certificates = new ArrayList<>();
        List<X509CRL> crls = new ArrayList<>();
        if (upload != null && upload.length > 0) {
            String text = new String(upload, StandardCharsets.US_ASCII);
            if (text.contains("-----BEGIN")) {
                readPem(upload, certificates, crls);
            } else {
                try {
                    certificates.add((X509Certificate) CertificateFactory.getInstance("X.509")
                            .generateCertificate(new ByteArrayInputStream(upload)));
                } catch (GeneralSecurityException | RuntimeException e) {
                    // not DER either: refused below
                }
            }
        }
        if (certificates.isEmpty()) {
            throw new MedsignException(ErrorCode.CA_CERTIFICATE_UNREADABLE);
        }
        return new CaCertificateImport(certificates.get(0), crls.stream().findFirst());
    }

    private static void readPem(byte[] upload, List<X509Certificate> certificates, List<X509CRL> crls) {
        try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(upload), StandardCharsets.US_ASCII))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof X509CertificateHolder c) {
                    certificates.add(new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(c));
                } else if (o instanceof X509CRLHolder c) {
                    crls.add(new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER).getCRL(c));
                }
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new MedsignException(ErrorCode.CA_CERTIFICATE_UNREADABLE);
        }
    }

    /**
     * Checks the import against the pending key and the trusted root, as of {@code now}; {@code longest} is the
     * longest validity of what the CA issues (its TSA's).
     */
    void check(PublicKey pending, X509Certificate root, Instant now, Duration longest) {
        // compared encoded: the two may come from different providers
        if (!java.util.Arrays.equals(certificate.getPublicKey().getEncoded(), pending.getEncoded())) {
            throw new MedsignException(ErrorCode.CA_CERTIFICATE_WRONG_KEY);
        }
        if (!signedBy(root)) {
            throw new MedsignException(ErrorCode.CA_CERTIFICATE_UNTRUSTED);
        }
        boolean[] usage = certificate.getKeyUsage();
        if (certificate.getBasicConstraints() < 0 || usage == null || !usage[5] || !usage[6]) {
            throw new MedsignException(ErrorCode.CA_CERTIFICATE_NOT_A_CA);
        }
        if (certificate.getNotBefore().after(Date.from(now))
                || certificate.getNotAfter().before(Date.from(now.plus(longest)))) {
            throw new MedsignException(ErrorCode.CA_CERTIFICATE_VALIDITY_SHORT, longest.toDays() + " days");
        }
        if (rootCrl.isPresent() && !RootCrlImport.signedBy(rootCrl.get(), root)) {
            throw new MedsignException(ErrorCode.CA_CERTIFICATE_UNTRUSTED);
        }
    }

    private boolean signedBy(X509Certificate root) {
        if (!certificate.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            return false;
        }
        try {
            certificate.verify(root.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
