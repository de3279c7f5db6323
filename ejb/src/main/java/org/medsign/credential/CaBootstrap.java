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
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Creates a development CA hierarchy on first start (all EC P-256, keys made in the kernel's key ring): root → Mobile
 * Signing CA, which certifies the OCSP responder, the TSA and the audit seal. The root's key is dropped once it has
 * certified the CA and signed its CRL, as a production root stays offline: that CRL lasts as long as the CA's
 * certificate (an offline root's CRL is long-lived and renewed by hand). For development and tests only, a setting
 * may name an "offline custodian" file outside the key directory that receives the root's key first, so that a CA
 * rollover can be rehearsed end to end. Every certificate a validator must check
 * names where its revocation status is published. Production brings its own keys (PKCS#12 or an HSM).
 */
final class CaBootstrap {

    /** How long a TSA certificate lives: past the CA-issued staff certificates, within the issuing CA's ten years. */
    static final Duration TSA_VALIDITY = Duration.ofDays(365L * 9);

    private CaBootstrap() {
    }

    static void create(KeyRing ring, String organisation, URI pkiBase) {
        create(ring, organisation, pkiBase, java.util.Optional.empty());
    }

    /**
     * @param offlineRoot development and tests only ({@code medsign.dev.offline-root}): where the root's key goes
     *                    instead of nowhere, a file outside the key directory that an offline-root tool signs a new
     *                    issuing CA's request with
     */
    static void create(KeyRing ring, String organisation, URI pkiBase, java.util.Optional<java.nio.file.Path> offlineRoot) {
        try {
            Instant now = Instant.now();
            X500Name rootName = name("medsign Root CA", organisation);
            PublicKey root = ring.newKey(KeyPurpose.CERTIFY_CA);
            JcaX509v3CertificateBuilder rootBuilder = new JcaX509v3CertificateBuilder(rootName, Pki.randomSerial(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 20))), rootName, root);
            ca(-1, root, root).addTo(rootBuilder);
            X509Certificate rootCert = ring.certifyCa(rootBuilder);

            PublicKey issuing = ring.newKey(KeyPurpose.ISSUE_CERTIFICATE);
            JcaX509v3CertificateBuilder issuingBuilder = new JcaX509v3CertificateBuilder(rootCert, Pki.randomSerial(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 10))),
                    name("medsign Mobile Signing CA", organisation), issuing);
            ca(0, issuing, root).addTo(issuingBuilder);
            PkiExtensions.revocationByCrl(issuingBuilder, pkiBase, PkiPaths.ROOT_CRL, PkiPaths.ROOT_CA);
            X509Certificate issuingCert = ring.certifyCa(issuingBuilder);
            ring.certified(KeyPurpose.ISSUE_CERTIFICATE, List.of(issuingCert, rootCert));
            ring.signRootCrl(RootCrl.builder(rootCert, now, issuingCert.getNotAfter().toInstant()));
            offlineRoot.ifPresent(file -> ring.handOverToCustodian(KeyPurpose.CERTIFY_CA, rootCert, file));
            ring.retire(KeyPurpose.CERTIFY_CA, rootCert);

            certifyOcspResponder(ring, organisation, now);

            PublicKey tsa = ring.newKey(KeyPurpose.TIMESTAMP);
            ring.certified(KeyPurpose.TIMESTAMP, List.of(tsaCertificate(ring, organisation, pkiBase, tsa, now,
                    now.plus(TSA_VALIDITY)), issuingCert, rootCert));
            createAuditSeal(ring, organisation);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the development CA", e);
        }
    }

    /** A new key for the delegated OCSP responder, certified by the current issuing CA (no revocation check: nocheck). */
    static void certifyOcspResponder(KeyRing ring, String organisation, Instant now)
            throws GeneralSecurityException, CertIOException {
        List<X509Certificate> ca = ring.chain(KeyPurpose.ISSUE_CERTIFICATE);
        PublicKey ocsp = ring.newKey(KeyPurpose.SIGN_OCSP);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.get(0), Pki.randomSerial(),
                Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 2))),
                name("medsign OCSP Responder", organisation), ocsp);
        leaf(builder, ocsp, ca.get(0).getPublicKey(), KeyPurposeId.id_kp_OCSPSigning);
        builder.addExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nocheck, false, DERNull.INSTANCE);
        List<X509Certificate> chain = new java.util.ArrayList<>(List.of(ring.issueCertificate(builder)));
        chain.addAll(ca);
        ring.certified(KeyPurpose.SIGN_OCSP, chain);
    }

    /**
     * The TSA's certificate from the issuing CA: its revocation status on the CA's CRL (no OCSP address: the responder
     * answers for the staff and institution certificates of the registry).
     */
    static X509Certificate tsaCertificate(KeyRing ring, String organisation, URI pkiBase, PublicKey tsa, Instant notBefore,
                                          Instant notAfter) throws GeneralSecurityException, CertIOException {
        X509Certificate issuingCert = ring.certificate(KeyPurpose.ISSUE_CERTIFICATE);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuingCert, Pki.randomSerial(),
                Date.from(notBefore), Date.from(notAfter), name("medsign Time Stamping Authority", organisation), tsa);
        leaf(builder, tsa, issuingCert.getPublicKey(), KeyPurposeId.id_kp_timeStamping);
        int generation = IssuingCaRollover.generation(ring);
        PkiExtensions.revocationByCrl(builder, pkiBase, PkiPaths.crl(generation), PkiPaths.issuingCa(generation));
        return ring.issueCertificate(builder);
    }

    /**
     * The audit seal's own key and certificate from the issuing CA. Also made for a CA key store from before the seal
     * had its own key; with an HSM it must be provisioned there.
     */
    static void createAuditSeal(KeyRing ring, String organisation) {
        try {
            List<X509Certificate> ca = ring.chain(KeyPurpose.ISSUE_CERTIFICATE);
            X509Certificate issuingCert = ca.get(0);
            Instant now = Instant.now();
            PublicKey seal = ring.newKey(KeyPurpose.AUDIT_SEAL);
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuingCert, Pki.randomSerial(),
                    Date.from(now), Date.from(now.plus(Duration.ofDays(365L * 5))),
                    name("medsign Audit Seal", organisation), seal);
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            builder.addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(seal));
            builder.addExtension(Extension.authorityKeyIdentifier, false,
                    utils.createAuthorityKeyIdentifier(issuingCert.getPublicKey()));
            List<X509Certificate> chain = new java.util.ArrayList<>(List.of(ring.issueCertificate(builder)));
            chain.addAll(ca);
            ring.certified(KeyPurpose.AUDIT_SEAL, chain);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("Cannot create the audit seal key", e);
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

    @FunctionalInterface
    interface CaExtensions {
        void addTo(X509v3CertificateBuilder builder) throws CertIOException, GeneralSecurityException;
    }
}
