package org.medsign.credential;

import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CertificateProfileTest {

    @TempDir
    static Path keys;
    private static KeyRing ring;
    private static X509Certificate certificate;
    private static final URI PKI = URI.create("http://pki.hospital.example/medsign");
    private static final Instant NOW = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);

    @BeforeAll
    static void issue() throws Exception {
        ring = KeyRing.ofFiles(keys.resolve("ca.p12"), keys.resolve("institution.p12"), "test".toCharArray());
        CaBootstrap.create(ring, "medsign Test Hospital", PKI);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair key = generator.generateKeyPair();
        certificate = CertificateProfile.issue(ring, "medsign Test Hospital", new CertificateHolder("N0001", "陳美玲", "T0"),
                key.getPublic(), Pki.randomSerial(), NOW, NOW.plus(Duration.ofDays(730)),
                URI.create("https://portal.hospital.example/medsign"));
    }

    @Test
    void isValidForTwoYears() {
        assertEquals(NOW, certificate.getNotBefore().toInstant());
        assertEquals(NOW.plus(Duration.ofDays(730)), certificate.getNotAfter().toInstant());
    }

    @Test
    void signsDocumentsAndNothingElse() throws Exception {
        boolean[] usage = certificate.getKeyUsage();
        assertTrue(usage[0] && usage[1], "digitalSignature and nonRepudiation");
        assertEquals(-1, certificate.getBasicConstraints());
        assertEquals(List.of("1.3.6.1.5.5.7.3.36"), certificate.getExtendedKeyUsage());
    }

    @Test
    void namesThePersonFromTheStaffRecord() {
        String subject = certificate.getSubjectX500Principal().getName();
        assertTrue(subject.contains("CN=陳美玲"), subject);
        assertTrue(subject.contains("2.5.4.5=#") || subject.contains("SERIALNUMBER=N0001"), subject);
        assertTrue(subject.contains("OU=T0"), subject);
    }

    @Test
    void pointsAtTheCrlOcspAndIssuer() {
        assertTrue(new String(certificate.getExtensionValue(Extension.cRLDistributionPoints.getId()), StandardCharsets.ISO_8859_1)
                .contains("https://portal.hospital.example/medsign/pki/mobile/ca.crl"));
        String aia = new String(certificate.getExtensionValue(Extension.authorityInfoAccess.getId()), StandardCharsets.ISO_8859_1);
        assertTrue(aia.contains("/medsign/pki/mobile/ocsp") && aia.contains("/medsign/pki/mobile/ca.crt"), aia);
    }

    @Test
    void hasAnUnpredictableSerialOfAtLeast64Bits() {
        assertTrue(certificate.getSerialNumber().bitLength() >= 64);
        assertTrue(certificate.getSerialNumber().signum() > 0);
    }

    @Test
    void opensslVerifiesTheChain(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("root.pem"), Pki.pem(ring.certificate(KeyPurpose.CERTIFY_CA)));
        Files.writeString(dir.resolve("issuing.pem"), Pki.pem(ring.certificate(KeyPurpose.ISSUE_CERTIFICATE)));
        Files.writeString(dir.resolve("cert.pem"), Pki.pem(certificate));
        OpenSsl.Result result = OpenSsl.run(dir, "verify", "-attime", String.valueOf(NOW.plusSeconds(60).getEpochSecond()),
                "-CAfile", "root.pem", "-untrusted", "issuing.pem", "cert.pem");
        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().contains("cert.pem: OK"), result.output());
    }
}
