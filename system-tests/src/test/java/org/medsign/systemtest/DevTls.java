package org.medsign.systemtest;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The test server's HTTPS as its clients meet it: they trust exactly the development TLS CA the configure step made
 * ({@code standalone/configuration/medsign-dev-tls-ca.pem}), not every certificate, so a wrong server certificate
 * fails the tests as it would fail a browser.
 */
public final class DevTls {

    private static final SSLContext CONTEXT = context();

    private DevTls() {
    }

    /** The development TLS CA's certificate as PEM, exported beside the server's configuration. */
    public static Path caPem() {
        return Path.of(System.getProperty("medsign.server.home"), "standalone", "configuration", "medsign-dev-tls-ca.pem");
    }

    public static X509Certificate caCertificate() {
        try (InputStream in = Files.newInputStream(caPem())) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static SSLContext sslContext() {
        return CONTEXT;
    }

    /** A client builder that trusts the development TLS CA. */
    public static HttpClient.Builder http() {
        return HttpClient.newBuilder().sslContext(CONTEXT);
    }

    /** A client that trusts the development TLS CA, otherwise as {@link HttpClient#newHttpClient()}. */
    public static HttpClient httpClient() {
        return http().build();
    }

    private static SSLContext context() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("medsign-dev-tls-ca", (Certificate) caCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
