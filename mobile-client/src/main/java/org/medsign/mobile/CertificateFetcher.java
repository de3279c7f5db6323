package org.medsign.mobile;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Map;

/**
 * 下載憑證 (M17–M18): fetches the chain, keeps it with the signing key in the signing key store (protected by
 * the signing PIN), then acknowledges with the new key, which makes the certificate 已下載.
 */
public final class CertificateFetcher {

    public static final String SIGNING_KEY = "signing";
    public static final String SIGNING_STORE = "signing.p12";

    private final MedsignClient client;

    public CertificateFetcher(MedsignClient client) {
        this.client = client;
    }

    public CertificateInfo download(String serial, Path home, char[] pin) {
        Path store = home.resolve(SIGNING_STORE);
        KeyPair key = DeviceKeyStore.read(store, pin, SIGNING_KEY);
        X509Certificate[] chain = chain(serial, key);
        DeviceKeyStore.storeWithChain(store, pin, SIGNING_KEY, key.getPrivate(), chain);
        return acknowledge(serial, key, chain[0]);
    }

    /** Fetches the chain and acknowledges with the key held in memory (tools and benchmarks; no key store). */
    public CertificateInfo fetchAndAcknowledge(String serial, KeyPair key) {
        return acknowledge(serial, key, chain(serial, key)[0]);
    }

    private X509Certificate[] chain(String serial, KeyPair key) {
        X509Certificate[] chain = parse(client.get("api/v1/certificates/" + serial + "/chain", String.class));
        if (!chain[0].getPublicKey().equals(key.getPublic())) {
            throw new IllegalStateException("The server sent a certificate for another key");
        }
        return chain;
    }

    private CertificateInfo acknowledge(String serial, KeyPair key, X509Certificate certificate) {
        try {
            String hash = DeviceKeyStore.sha256Hex(certificate.getEncoded());
            byte[] message = ("medsign-ack-v1\n" + serial + "\n" + hash).getBytes(StandardCharsets.UTF_8);
            String signature = Base64.getEncoder().encodeToString(DeviceKeyStore.sign(key.getPrivate(), message));
            return client.post("api/v1/certificates/" + serial + "/acknowledgement", Map.of("signature", signature),
                    CertificateInfo.class);
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    static X509Certificate[] parse(String pem) {
        try {
            return CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                    .toArray(new X509Certificate[0]);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The server sent no certificate chain", e);
        }
    }
}
