package org.medsign.card;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * A CA the server does not trust, minting a card that claims a real person's identity the way the development HCA
 * writes it (subject serialNumber IDCTW-…): what an attacker with their own CA would present.
 */
public final class ForeignHca {

    private static final Provider BC = new BouncyCastleProvider();

    private ForeignHca() {
    }

    public static SoftCard card(String name, String nationalId) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BC);
        generator.initialize(2048, new SecureRandom());
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair cardKeys = generator.generateKeyPair();
        Instant now = Instant.now();
        X500Name caName = new X500Name("CN=medsign Development HCA Card CA,O=medsign development (not a real HCA),C=TW");
        X509Certificate ca = certificate(caName, caName, caKeys, caKeys, now, true,
                KeyUsage.keyCertSign | KeyUsage.cRLSign);
        X509Certificate card = certificate(new X500Name("C=TW,CN=" + name + ",SERIALNUMBER=IDCTW-" + nationalId), caName,
                cardKeys, caKeys, now, false, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
        return new SoftCard(cardKeys.getPrivate(), List.of(card, ca));
    }

    private static X509Certificate certificate(X500Name subject, X500Name issuer, KeyPair subjectKeys, KeyPair issuerKeys,
                                               Instant now, boolean ca, int usage) throws Exception {
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                subjectKeys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        return new JcaX509CertificateConverter().setProvider(BC).getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(issuerKeys.getPrivate())));
    }
}
