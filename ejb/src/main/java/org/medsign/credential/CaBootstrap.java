package org.medsign.credential;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Creates a development CA hierarchy on first start (all EC P-256): root → Mobile Signing CA, which
 * certifies the OCSP responder and the TSA. Production brings its own keys (PKCS#12 or an HSM).
 */
final class CaBootstrap {

    private CaBootstrap() {
    }

    static CaKeys create(String organisation) {
        try {
            Instant now = Instant.now();
            KeyPair root = Pki.newP256KeyPair();
            X500Name rootName = name("medsign Root CA", organisation);
            X509Certificate rootCert = sign(new JcaX509v3CertificateBuilder(rootName, Pki.randomSerial(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 20))), rootName, root.getPublic()),
                    ca(-1, root.getPublic(), root.getPublic()), root.getPrivate());

            KeyPair issuing = Pki.newP256KeyPair();
            X500Name issuingName = name("medsign Mobile Signing CA", organisation);
            X509Certificate issuingCert = sign(new JcaX509v3CertificateBuilder(rootCert, Pki.randomSerial(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 10))), issuingName, issuing.getPublic()),
                    ca(0, issuing.getPublic(), root.getPublic()), root.getPrivate());

            KeyPair ocsp = Pki.newP256KeyPair();
            JcaX509v3CertificateBuilder ocspBuilder = new JcaX509v3CertificateBuilder(issuingCert, Pki.randomSerial(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 2))),
                    name("medsign OCSP Responder", organisation), ocsp.getPublic());
            leaf(ocspBuilder, ocsp.getPublic(), issuing.getPublic(), KeyPurposeId.id_kp_OCSPSigning);
            ocspBuilder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
            X509Certificate ocspCert = sign(ocspBuilder, null, issuing.getPrivate());

            KeyPair tsa = Pki.newP256KeyPair();
            JcaX509v3CertificateBuilder tsaBuilder = new JcaX509v3CertificateBuilder(issuingCert, Pki.randomSerial(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 9))),
                    name("medsign Time Stamping Authority", organisation), tsa.getPublic());
            leaf(tsaBuilder, tsa.getPublic(), issuing.getPublic(), KeyPurposeId.id_kp_timeStamping);
            X509Certificate tsaCert = sign(tsaBuilder, null, issuing.getPrivate());

            return new CaKeys(rootCert, issuing.getPrivate(), issuingCert, ocsp.getPrivate(), ocspCert,
                    tsa.getPrivate(), tsaCert, Pki.BC);
        } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
            throw new IllegalStateException("Cannot create the development CA", e);
        }
    }

    static X500Name name(String commonName, String organisation) {
        return new X500Name("CN=" + commonName + ", O=" + organisation + ", C=TW");
    }

    /** The CA extensions, as a function applied to a builder. */
    private static CaExtensions ca(int pathLength, PublicKey subject, PublicKey issuer) {
        return builder -> {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true,
                    pathLength < 0 ? new BasicConstraints(true) : new BasicConstraints(pathLength));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subject));
            builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
        };
    }

    private static void leaf(X509v3CertificateBuilder builder, PublicKey subject, PublicKey issuer, KeyPurposeId purpose)
            throws CertIOException, GeneralSecurityException {
        JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(purpose));
        builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(subject));
        builder.addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(issuer));
    }

    static X509Certificate sign(X509v3CertificateBuilder builder, CaExtensions extensions, PrivateKey key)
            throws GeneralSecurityException, CertIOException, OperatorCreationException {
        if (extensions != null) {
            extensions.addTo(builder);
        }
        return new JcaX509CertificateConverter().setProvider(Pki.BC)
                .getCertificate(builder.build(new JcaContentSignerBuilder(Pki.SIGNATURE_ALGORITHM).setProvider(Pki.BC).build(key)));
    }

    @FunctionalInterface
    interface CaExtensions {
        void addTo(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
    }
}
