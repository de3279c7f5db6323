package org.medsign.card;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

/**
 * A card's key and certificate chain, read from a PKCS#12 soft card. Tests sign challenges with it directly (what
 * any program holding the card key could send) or load it into SoftHSM2 for the real card agent.
 */
public record SoftCard(PrivateKey key, List<X509Certificate> chain) {

    public static final String PIN = "123456";

    public static SoftCard load(Path p12) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            store.load(in, PIN.toCharArray());
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : store.getCertificateChain("card")) {
            chain.add((X509Certificate) certificate);
        }
        return new SoftCard((PrivateKey) store.getKey("card", PIN.toCharArray()), chain);
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    public String algorithm() {
        return "RSA".equals(key.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
    }

    public String serialHex() {
        return certificate().getSerialNumber().toString(16);
    }

    public String fingerprint() throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate().getEncoded()));
    }

    /** Signs as the card agent does: the raw challenge bytes, with the JDK's providers. */
    public String sign(byte[] data) throws Exception {
        Signature signature = Signature.getInstance(algorithm());
        signature.initSign(key);
        signature.update(data);
        return Base64.getEncoder().encodeToString(signature.sign());
    }

    public List<String> chainPem() throws Exception {
        List<String> pems = new ArrayList<>();
        for (X509Certificate certificate : chain) {
            pems.add(pem(certificate.getEncoded()));
        }
        return pems;
    }

    /** The same card with another chain: what a page could claim. */
    public SoftCard withChain(List<X509Certificate> otherChain) {
        return new SoftCard(key, otherChain);
    }

    public SoftCard withKey(PrivateKey otherKey) {
        return new SoftCard(otherKey, chain);
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }

    @Override
    public String toString() {
        return "soft card " + serialHex();
    }
}
