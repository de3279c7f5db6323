package org.medsign.mobile;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The CLI against a real local HTTPS server whose certificate a CA made here signed: trusted or not. */
class ServerTrustTest {

    private static final String HEALTH = "{\"status\":\"UP\",\"version\":\"1.0.0\",\"apiVersion\":1}";

    @TempDir
    Path dir;

    private HttpsServer server;
    private KeyPair ca;
    private X509Certificate caCertificate;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        ca = keyPair();
        caCertificate = certificate("CN=test TLS CA", ca, "CN=test TLS CA", ca, true);
        KeyPair serverKey = keyPair();
        X509Certificate serverCertificate = certificate("CN=localhost", serverKey, "CN=test TLS CA", ca, false);
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("server", serverKey.getPrivate(), "pw".toCharArray(),
                new Certificate[] {serverCertificate, caCertificate});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, "pw".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/medsign/api/v1/health", exchange -> {
            byte[] bytes = HEALTH.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void talksToAServerItsTrustFileVouchesFor() throws Exception {
        assertEquals(0, run("--trust", pem("ca.pem", caCertificate).toString(), "health"), err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("UP (medsign 1.0.0, API v1)"));
    }

    @Test
    void refusesAServerCertificateFromAnotherAuthority() throws Exception {
        KeyPair other = keyPair();
        Path otherCa = pem("other.pem", certificate("CN=test TLS CA", other, "CN=test TLS CA", other, true));
        assertEquals(4, run("--trust", otherCa.toString(), "health"));
        String said = err.toString(StandardCharsets.UTF_8);
        assertTrue(said.contains("[MS-9008]"), said);
        assertTrue(said.contains("伺服器憑證") && said.contains("could not be verified"), said);
        assertFalse(out.toString(StandardCharsets.UTF_8).contains("UP"));
    }

    @Test
    void refusesItWithTheSystemAuthoritiesToo() {
        assertEquals(4, run("health"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("[MS-9008]"));
    }

    @Test
    void checksTheServerNameAsWell() throws Exception {
        // The certificate names localhost only: the same server reached by another name is refused.
        assertEquals(4, runAt("https://127.0.0.1:" + server.getAddress().getPort() + "/medsign",
                "--trust", pem("ca.pem", caCertificate).toString(), "health"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("[MS-9008]"));
    }

    private int run(String... args) {
        return runAt("https://localhost:" + server.getAddress().getPort() + "/medsign", args);
    }

    private int runAt(String url, String... args) {
        MobileCli cli = new MobileCli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        List<String> all = new java.util.ArrayList<>(List.of("--server", url));
        all.addAll(List.of(args));
        return cli.run(all);
    }

    private Path pem(String name, X509Certificate certificate) throws Exception {
        return Files.writeString(dir.resolve(name), "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n");
    }

    private static KeyPair keyPair() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        return generator.generateKeyPair();
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
                                               boolean isCa) throws Exception {
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(new X500Name(issuer),
                BigInteger.valueOf(now.toEpochMilli()), Date.from(now.minus(Duration.ofMinutes(1))),
                Date.from(now.plus(Duration.ofDays(1))), new X500Name(subject), subjectKey.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (!isCa) {
            builder.addExtension(Extension.subjectAlternativeName, false,
                    new GeneralNames(new GeneralName(GeneralName.dNSName, "localhost")));
        }
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }
}
