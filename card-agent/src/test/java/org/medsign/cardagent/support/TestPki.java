package org.medsign.cardagent.support;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Card keys and certificates for tests, made with Bouncy Castle (passed as an instance, never registered). */
public final class TestPki {
    public static final Provider BC = new BouncyCastleProvider();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A card's key, its certificate and the issuing CA's certificate. */
    public record Card(KeyPair keys, X509Certificate certificate, X509Certificate ca) {
        public Certificate[] chain() {
            return new Certificate[] {certificate, ca};
        }
    }

    public enum KeyType { RSA, EC }

    private TestPki() {
    }

    /** A CA (EC P-256) and a card certificate for the given key type and key usage bits. */
    public static Card card(KeyType type, String name, int keyUsage) {
        try {
            KeyPair caKeys = generate(KeyType.EC);
            X500Name caName = new X500Name("CN=Test HCA,O=medsign tests,C=TW");
            X509Certificate ca = certificate(caName, caKeys.getPublic(), caName, caKeys.getPrivate(), true,
                    KeyUsage.keyCertSign | KeyUsage.cRLSign);
            KeyPair cardKeys = generate(type);
            X509Certificate card = certificate(new X500Name("CN=" + name + ",O=medsign tests,C=TW"),
                    cardKeys.getPublic(), caName, caKeys.getPrivate(), false, keyUsage);
            return new Card(cardKeys, card, ca);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Card signingCard(KeyType type, String name) {
        return card(type, name, KeyUsage.digitalSignature | KeyUsage.nonRepudiation);
    }

    public static KeyPair generate(KeyType type) throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type.name(), BC);
        if (type == KeyType.RSA) {
            generator.initialize(2048, RANDOM);
        } else {
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(X500Name subject, PublicKey key, X500Name issuer, PrivateKey issuerKey,
                                               boolean ca, int keyUsage)
            throws GeneralSecurityException, OperatorCreationException {
        try {
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer,
                    new BigInteger(64, RANDOM), Date.from(now.minus(Duration.ofHours(1))),
                    Date.from(now.plus(Duration.ofDays(30))), subject, key);
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
            String algorithm = issuerKey.getAlgorithm().equals("RSA") ? "SHA256withRSA" : "SHA256withECDSA";
            return new JcaX509CertificateConverter().setProvider(BC)
                    .getCertificate(builder.build(new JcaContentSignerBuilder(algorithm).setProvider(BC).build(issuerKey)));
        } catch (IOException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** The soft card: a PKCS#12 file whose password is the PIN. */
    public static Path writePkcs12(Card card, Path file, String alias, String pin) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(alias, card.keys().getPrivate(), pin.toCharArray(), card.chain());
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, pin.toCharArray());
        }
        return file;
    }

    /** PKCS#8, as {@code softhsm2-util --import} reads it. */
    public static String pkcs8Pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    public static X509Certificate parsePem(String pem) throws GeneralSecurityException {
        return (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Verifies with the JDK's providers, independent of how the agent signed. */
    public static boolean verifies(X509Certificate certificate, String algorithm, byte[] data, byte[] signature)
            throws GeneralSecurityException {
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(data);
        return verifier.verify(signature);
    }

    public static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
