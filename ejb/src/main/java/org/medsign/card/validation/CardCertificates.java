package org.medsign.card.validation;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;

/** Reads certificates from PEM text (from the card agent, from trust-anchor files) and writes PEM. */
public final class CardCertificates {

    /** A card holds a handful; more is not a card chain. */
    public static final int MAX_CHAIN = 6;
    private static final int MAX_PEM_CHARS = 16_384;

    private CardCertificates() {
    }

    /** One certificate per PEM text, in order; refuses anything else. */
    public static List<X509Certificate> chain(List<String> pems) throws CertificateException {
        if (pems == null || pems.isEmpty() || pems.size() > MAX_CHAIN) {
            throw new CertificateException("a chain of 1 to " + MAX_CHAIN + " certificates is expected");
        }
        List<X509Certificate> chain = new ArrayList<>();
        for (String pem : pems) {
            if (pem == null || pem.length() > MAX_PEM_CHARS) {
                throw new CertificateException("a certificate is missing or too long");
            }
            List<X509Certificate> parsed = parse(pem.getBytes(StandardCharsets.US_ASCII));
            if (parsed.size() != 1) {
                throw new CertificateException("one certificate per PEM text is expected");
            }
            chain.add(parsed.get(0));
        }
        return chain;
    }

    /** Every certificate of a PEM (or DER) file, e.g. a trust-anchor bundle. */
    public static List<X509Certificate> file(Path file) throws IOException, CertificateException {
        return parse(Files.readAllBytes(file));
    }

    public static String pem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateException e) {
            throw new IllegalStateException("Cannot encode a certificate", e);
        }
    }

    private static List<X509Certificate> parse(byte[] bytes) throws CertificateException {
        Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(bytes));
        List<X509Certificate> certificates = new ArrayList<>();
        for (Certificate certificate : all) {
            if (!(certificate instanceof X509Certificate x509)) {
                throw new CertificateException("not an X.509 certificate");
            }
            certificates.add(x509);
        }
        return certificates;
    }
}
