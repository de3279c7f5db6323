package org.medsign.credential;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509CRLHolder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.openssl.PEMParser;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.crypto.BouncyCastle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A CRL the offline root signed on its own, after a CA rollover or when it revokes a CA it certified (a compromised
 * issuing CA key). Before medsign keeps it, it must be the trusted root's (MS-4023), newer than the kept one by its
 * CRL number (MS-4024), and must not revoke the generation medsign issues from (MS-4025: roll over first).
 */
public record RootCrlImport(X509CRL crl) {

    /** A retired CA generation this CRL revokes and the kept one did not, and since when. */
    public record RevokedGeneration(CaGeneration generation, Instant revokedAt) {
    }

    /** Reads a CRL, PEM or DER; MS-4023 when there is none. */
    static RootCrlImport read(byte[] upload) {
        if (upload == null || upload.length == 0) {
            throw new MedsignException(ErrorCode.ROOT_CRL_UNREADABLE);
        }
        try {
            if (new String(upload, StandardCharsets.US_ASCII).contains("-----BEGIN")) {
                try (PEMParser parser = new PEMParser(new InputStreamReader(new ByteArrayInputStream(upload),
                        StandardCharsets.US_ASCII))) {
                    for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                        if (o instanceof X509CRLHolder holder) {
                            return new RootCrlImport(new JcaX509CRLConverter().setProvider(BouncyCastle.PROVIDER).getCRL(holder));
                        }
                    }
                }
                throw new MedsignException(ErrorCode.ROOT_CRL_UNREADABLE);
            }
            return new RootCrlImport((X509CRL) CertificateFactory.getInstance("X.509")
                    .generateCRL(new ByteArrayInputStream(upload)));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof MedsignException m) {
                throw m;
            }
            throw new MedsignException(ErrorCode.ROOT_CRL_UNREADABLE);
        }
    }

    /**
     * Checks the CRL against the trusted root, the kept CRL and the current generation; the retired generations it
     * newly revokes.
     */
    List<RevokedGeneration> check(CaCertificates ca, Optional<byte[]> kept) {
        if (!signedBy(crl, ca.root())) {
            throw new MedsignException(ErrorCode.ROOT_CRL_UNREADABLE);
        }
        Optional<X509CRL> before = kept.map(RootCrlImport::parse);
        BigInteger keptNumber = before.map(RootCrlImport::number).orElse(BigInteger.valueOf(-1));
        if (number(crl).compareTo(keptNumber) <= 0) {
            throw new MedsignException(ErrorCode.ROOT_CRL_NOT_NEWER, keptNumber.toString());
        }
        if (crl.getRevokedCertificate(ca.issuing()) != null) {
            throw new MedsignException(ErrorCode.ROOT_CRL_REVOKES_CURRENT_CA);
        }
        List<RevokedGeneration> revoked = new ArrayList<>();
        for (CaGeneration generation : ca.retired()) {
            X509CRLEntry entry = crl.getRevokedCertificate(generation.issuing());
            boolean known = before.map(b -> b.getRevokedCertificate(generation.issuing()) != null).orElse(false);
            if (entry != null && !known) {
                revoked.add(new RevokedGeneration(generation, entry.getRevocationDate().toInstant()));
            }
        }
        return revoked;
    }

    byte[] encoded() {
        try {
            return crl.getEncoded();
        } catch (java.security.cert.CRLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the trusted root signed {@code crl} (its name alone could be another CA's). */
    static boolean signedBy(X509CRL crl, X509Certificate root) {
        if (!crl.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            return false;
        }
        try {
            crl.verify(root.getPublicKey(), BouncyCastle.PROVIDER);
            return true;
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static X509CRL parse(byte[] der) {
        try {
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The kept root CRL cannot be read", e);
        }
    }

    /** The CRL number (RFC 5280 5.2.3); a CRL without one counts as older than any. */
    private static BigInteger number(X509CRL crl) {
        byte[] value = crl.getExtensionValue(Extension.cRLNumber.getId());
        if (value == null) {
            return BigInteger.valueOf(-1);
        }
        try {
            return ASN1Integer.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(value).getOctets())
                    .getValue();
        } catch (RuntimeException e) {
            return BigInteger.valueOf(-1);
        }
    }
}
