package org.medsign.dev.hca;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.medsign.dev.hca.DevCaStore.Authority;
import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.kernel.crypto.SignatureAlgorithms;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * The development HCA's certificates, shaped like the real HCA's: a self-signed root, a card-issuing CA
 * (path length 0), and card certificates whose subject holds the person's name (CN) and, unless asked otherwise,
 * the national ID as an ETSI semantic identifier ({@code serialNumber=IDCTW-…}), with a signing key usage and a
 * cRLDistributionPoints extension pointing at this server's CRL.
 */
final class DevCertificates {

    static final X500Name ROOT = new X500Name("CN=medsign Development HCA Root,O=medsign development (not a real HCA),C=TW");
    static final X500Name CARD_CA = new X500Name("CN=medsign Development HCA Card CA,O=medsign development (not a real HCA),C=TW");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The CAs are backdated, as a real HCA is older than its cards, so that expired demo cards fall inside them. */
    private static final Duration CA_AGE = Duration.ofDays(3 * 366);

    private DevCertificates() {
    }

    static KeyPair ecKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    static KeyPair rsaKeys() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BouncyCastle.PROVIDER);
        generator.initialize(2048, RANDOM);
        return generator.generateKeyPair();
    }

    static BigInteger serial() {
        return new BigInteger(120, RANDOM).setBit(119);
    }

    static X509Certificate root(KeyPair keys, Instant now) throws GeneralSecurityException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ROOT, serial(), Date.from(now.minus(CA_AGE)),
                Date.from(now.plus(Duration.ofDays(365 * 20))), ROOT, keys.getPublic());
        return build(builder, keys.getPublic(), keys.getPublic(), new BasicConstraints(true),
                KeyUsage.keyCertSign | KeyUsage.cRLSign, null, keys.getPrivate());
    }

    static X509Certificate cardCa(KeyPair keys, Authority root, Instant now, String rootCrl) throws GeneralSecurityException {
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(root.certificate(), serial(),
                Date.from(now.minus(CA_AGE)), Date.from(now.plus(Duration.ofDays(365 * 10))), CARD_CA,
                keys.getPublic());
        return build(builder, keys.getPublic(), root.certificate().getPublicKey(), new BasicConstraints(0),
                KeyUsage.keyCertSign | KeyUsage.cRLSign, rootCrl, root.key());
    }

    static X509Certificate card(CardOrder order, PublicKey key, Authority ca, String crl, BigInteger serial)
            throws GeneralSecurityException {
        X500NameBuilder subject = new X500NameBuilder(BCStyle.INSTANCE)
                .addRDN(BCStyle.C, "TW")
                .addRDN(BCStyle.O, "medsign development (not a real HCA)")
                .addRDN(BCStyle.CN, order.holderName());
        if (order.nationalId() != null) {
            subject.addRDN(BCStyle.SERIALNUMBER, "IDCTW-" + order.nationalId());
        }
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca.certificate(), serial,
                Date.from(order.notBefore()), Date.from(order.notAfter()), subject.build(), key);
        return build(builder, key, ca.certificate().getPublicKey(), new BasicConstraints(false),
                KeyUsage.digitalSignature | KeyUsage.nonRepudiation, crl, ca.key());
    }

    static ContentSigner signer(PrivateKey key) throws GeneralSecurityException {
        String algorithm = SignatureAlgorithms.forKey(key);
        try {
            return new JcaContentSignerBuilder(algorithm).setProvider(BouncyCastle.PROVIDER).build(key);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    private static X509Certificate build(X509v3CertificateBuilder builder, PublicKey subjectKey, PublicKey issuerKey,
                                         BasicConstraints constraints, int keyUsage, String crl, PrivateKey signingKey)
            throws GeneralSecurityException {
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.basicConstraints, true, constraints);
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKey));
            if (crl != null) {
                GeneralNames location = new GeneralNames(new GeneralName(GeneralName.uniformResourceIdentifier, crl));
                builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(new DistributionPoint[]{
                        new DistributionPoint(new DistributionPointName(location), null, null)}));
            }
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                    .getCertificate(builder.build(signer(signingKey)));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }
}
