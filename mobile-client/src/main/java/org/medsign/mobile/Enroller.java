package org.medsign.mobile;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * 憑證申請 on the phone (M15–M16): a new signing key (or one the user brings as PKCS#8 PEM), its PKCS#10
 * request (or one made by another tool), signed over by the device key, sent with the ticket and code.
 */
public final class Enroller {

    private final MedsignClient client;

    public Enroller(MedsignClient client) {
        this.client = client;
    }

    public IssuedCertificate enrol(TicketLink link, String code, byte[] csrDer, String deviceId, PrivateKey deviceKey) {
        String csrHash = DeviceKeyStore.sha256Hex(csrDer);
        byte[] signed = ("medsign-enrol-v1\n" + link.ticket() + "\n" + csrHash).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ticket", link.ticket());
        body.put("code", code);
        body.put("csr", Base64.getEncoder().encodeToString(csrDer));
        body.put("deviceId", deviceId);
        body.put("deviceSignature", Base64.getEncoder().encodeToString(DeviceKeyStore.sign(deviceKey, signed)));
        return client.post("api/v1/enrolments", body, IssuedCertificate.class);
    }

    /** A CSR with the subject the server accepts ({@code CN=<employee number>}), signed by the new key. */
    public static byte[] csr(KeyPair key, String employeeNumber) {
        try {
            String algorithm = key.getPrivate() instanceof ECPrivateKey ? "SHA256withECDSA" : "SHA256withRSA";
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(
                    new X500Name("CN=" + employeeNumber), key.getPublic())
                    .build(new JcaContentSignerBuilder(algorithm).build(key.getPrivate()));
            return request.getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a PEM CSR as {@code openssl req} writes it. */
    public static byte[] readCsr(Path pem) {
        try (Reader reader = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object instanceof PKCS10CertificationRequest request) {
                return request.getEncoded();
            }
            throw new IllegalArgumentException(pem + " holds no certificate request");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a private key the user brings (PKCS#8 or traditional PEM, e.g. from openssl) with its public half. */
    public static KeyPair readKey(Path pem) {
        try (Reader reader = Files.newBufferedReader(pem); PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter().setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
            if (object instanceof PEMKeyPair pair) {
                return asJdkKeys(converter.getKeyPair(pair));
            }
            if (object instanceof org.bouncycastle.asn1.pkcs.PrivateKeyInfo info) {
                PrivateKey key = converter.getPrivateKey(info);
                return asJdkKeys(new KeyPair(publicOf(key), key));
            }
            throw new IllegalArgumentException(pem + " holds no unencrypted private key");
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the key " + pem + ": " + e.getMessage(), e);
        }
    }

    /** The same keys as the JDK's own classes, which its signature engines and PKCS#12 key store take. */
    private static KeyPair asJdkKeys(KeyPair pair) throws java.security.GeneralSecurityException {
        KeyFactory factory = KeyFactory.getInstance(pair.getPrivate().getAlgorithm().startsWith("EC") ? "EC" : "RSA");
        return new KeyPair(factory.generatePublic(new java.security.spec.X509EncodedKeySpec(pair.getPublic().getEncoded())),
                factory.generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(pair.getPrivate().getEncoded())));
    }

    private static PublicKey publicOf(PrivateKey key) throws java.security.GeneralSecurityException {
        if (key instanceof RSAPrivateCrtKey rsa) {
            return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
        }
        if (key instanceof org.bouncycastle.jce.interfaces.ECPrivateKey ec) {
            org.bouncycastle.jce.spec.ECParameterSpec spec = ec.getParameters();
            return KeyFactory.getInstance("EC", DeviceKeyStore.BC).generatePublic(
                    new org.bouncycastle.jce.spec.ECPublicKeySpec(spec.getG().multiply(ec.getD()).normalize(), spec));
        }
        throw new IllegalArgumentException("Only EC and RSA keys are supported");
    }
}
