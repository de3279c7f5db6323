package org.medsign.mobile;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * Which servers the phone believes: the platform's certificate authorities, or exactly those of a PEM file (a
 * hospital's own CA, or medsign's development TLS CA). The server's certificate is always verified, name included;
 * there is no way to turn that off.
 */
public final class ServerTrust {

    /** The code a phone shows when the server's certificate is not trusted (catalogue MS-9008). */
    public static final String UNTRUSTED_CODE = "MS-9008";

    private ServerTrust() {
    }

    /** The authorities the JDK trusts, as a phone's operating system trusts its own. */
    public static SSLContext platform() {
        try {
            return SSLContext.getDefault();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Trusts only the CA certificates in this PEM file. */
    public static SSLContext fromPem(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException(pem + " holds no certificate (PEM expected)");
            }
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                anchors.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the trusted CA file " + pem + ": " + e.getMessage(), e);
        } catch (CertificateException e) {
            throw new IllegalArgumentException(pem + " is not a PEM file of certificates: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a failed call failed on the server's certificate (untrusted issuer, wrong name, expired). */
    static boolean untrusted(IOException failure) {
        if (!(failure instanceof SSLHandshakeException)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    /** The phone's refusal to talk to a server whose certificate it cannot verify, in Chinese and English. */
    static UntrustedServerException refusal(URI server, IOException failure) {
        String host = server.getHost() + (server.getPort() > 0 ? ":" + server.getPort() : "");
        return new UntrustedServerException(new ApiProblem("urn:medsign:error:" + UNTRUSTED_CODE,
                "伺服器憑證不受信任 / Server certificate not trusted", 0,
                "無法驗證 " + host + " 的伺服器憑證，已中止連線，未送出任何資料。 / The server certificate of " + host
                        + " could not be verified; the connection was stopped and nothing was sent. ("
                        + rootCause(failure) + ")",
                UNTRUSTED_CODE,
                "請確認伺服器位址；院內憑證機構請以 --trust 指定其 PEM 檔（或 MEDSIGN_MOBILE_TRUST）。 / Check the server"
                        + " address; for the hospital's own CA give its PEM file with --trust (or MEDSIGN_MOBILE_TRUST).",
                server.toString()));
    }

    private static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The server's certificate failed verification: exit code 4 in the CLI. */
    public static final class UntrustedServerException extends MedsignApiException {

        private static final long serialVersionUID = 1L;

        UntrustedServerException(ApiProblem problem) {
            super(problem);
        }
    }
}
