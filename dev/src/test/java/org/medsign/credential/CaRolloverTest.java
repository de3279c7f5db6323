package org.medsign.credential;

import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.dev.rootca.OfflineRoot;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The issuing CA rollover's ceremony without a server: the pending key's request, the offline root's certificate
 * for it, the checks before the switch (each refusal with its code) and the key ring after it.
 */
class CaRolloverTest {

    private static final URI PKI = URI.create("http://pki.hospital.example/medsign");
    private static final Duration TEN_YEARS = Duration.ofDays(3650);

    @TempDir
    Path dir;

    private KeyRing ring;
    private OfflineRoot root;
    private Path custodian;

    @BeforeEach
    void bootstrap() {
        ring = KeyRing.ofFiles(dir.resolve("keys/ca/mobile-ca.p12"), dir.resolve("keys/institution.p12"), "test".toCharArray());
        custodian = dir.resolve("offline/root.p12");
        CaBootstrap.create(ring, "medsign Test Hospital", PKI, Optional.of(custodian));
        root = OfflineRoot.open(custodian);
    }

    @Test
    void theCustodianHoldsTheRootKeyOutsideTheKeyDirectoryAndTheRingDropsIt() {
        assertFalse(ring.has(KeyPurpose.CERTIFY_CA), "the server's ring keeps no root key");
        assertEquals(ring.certificate(KeyPurpose.CERTIFY_CA), root.certificate());
        assertThrows(IllegalStateException.class, () -> CaBootstrap.create(
                KeyRing.ofFiles(dir.resolve("k2/ca.p12"), dir.resolve("k2/i.p12"), "t".toCharArray()), "x", PKI,
                Optional.of(dir.resolve("k2/root.p12"))), "never inside the key directory");
    }

    @Test
    void theRootCertifiesTheRequestAndTheRetiredKeyKeepsSigningItsCrlAndAnswers() throws Exception {
        X509Certificate first = ring.certificate(KeyPurpose.ISSUE_CERTIFICATE);
        X509Certificate firstOcsp = ring.certificate(KeyPurpose.SIGN_OCSP);
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(IssuingCaRollover.request(ring, "medsign Test Hospital"));
        assertTrue(request.getSubject().toString().contains("Mobile Signing CA G2"), request.getSubject().toString());
        PKCS10CertificationRequest again = new PKCS10CertificationRequest(IssuingCaRollover.request(ring, "medsign Test Hospital"));
        assertEquals(request.getSubjectPublicKeyInfo(), again.getSubjectPublicKeyInfo(), "asked again, the same pending key");
        assertEquals(first, ring.certificate(KeyPurpose.ISSUE_CERTIFICATE), "nothing changes before the import");

        CaCertificateImport imported = CaCertificateImport.read(reply(request, TEN_YEARS).getBytes(StandardCharsets.US_ASCII));
        imported.check(pending(), root.certificate(), Instant.now(), CaBootstrap.TSA_VALIDITY);
        assertTrue(imported.rootCrl().isPresent());
        ring.promotePendingCa(List.of(imported.certificate(), root.certificate()), 1);
        CaBootstrap.certifyOcspResponder(ring, "medsign Test Hospital", Instant.now());

        assertEquals(2, IssuingCaRollover.generation(ring));
        assertEquals(imported.certificate(), ring.certificate(KeyPurpose.ISSUE_CERTIFICATE));
        assertFalse(ring.has(KeyPurpose.PENDING_CA));
        List<CaGeneration> retired = IssuingCaRollover.retired(ring);
        assertEquals(List.of(new CaGeneration(1, first, firstOcsp)), retired);
        X509Certificate newOcsp = ring.certificate(KeyPurpose.SIGN_OCSP);
        newOcsp.verify(imported.certificate().getPublicKey(), BouncyCastle.PROVIDER);
        assertTrue(ring.probe(KeyPurpose.ISSUE_CERTIFICATE));

        for (X509Certificate ca : List.of(first, imported.certificate())) {
            X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(
                    ring.signCrl(ca, new JcaX509v2CRLBuilder(ca, new Date()))));
            crl.verify(ca.getPublicKey(), BouncyCastle.PROVIDER);
            assertEquals(ca.getSubjectX500Principal(), crl.getIssuerX500Principal());
        }
        assertEquals(firstOcsp, ring.ocspResponder(first));
        assertEquals(newOcsp, ring.ocspResponder(imported.certificate()));

        CaCertificates certificates = new CaCertificates(root.certificate(), imported.certificate(), newOcsp,
                ring.certificate(KeyPurpose.TIMESTAMP), retired);
        X509Certificate staffBefore = ring.certificate(KeyPurpose.AUDIT_SEAL);
        assertEquals(1, certificates.issuerOf(staffBefore).orElseThrow().number(), "issued before: generation 1");
        assertEquals(2, certificates.issuerOf(newOcsp).orElseThrow().number());
        String next = new PKCS10CertificationRequest(IssuingCaRollover.request(ring, "x")).getSubject().toString();
        assertTrue(next.contains("G3"), next);
    }

    @Test
    void importsThatAreNotTheRootsCertificateForThePendingKeyAreRefusedWithTheirCodes() throws Exception {
        PKCS10CertificationRequest request = new PKCS10CertificationRequest(IssuingCaRollover.request(ring, "medsign Test Hospital"));
        PublicKey pending = pending();
        X509Certificate rootCert = root.certificate();
        Instant now = Instant.now();

        assertCode(ErrorCode.CA_CERTIFICATE_UNREADABLE, () -> CaCertificateImport.read("not a certificate".getBytes()));
        assertCode(ErrorCode.CA_CERTIFICATE_UNREADABLE, () -> CaCertificateImport.read(new byte[0]));

        CaCertificateImport otherKey = CaCertificateImport.read(certificate(newKey(), rootKey(), new BasicConstraints(0),
                KeyUsage.keyCertSign | KeyUsage.cRLSign, TEN_YEARS).getEncoded());
        assertCode(ErrorCode.CA_CERTIFICATE_WRONG_KEY, () -> otherKey.check(pending, rootCert, now, CaBootstrap.TSA_VALIDITY));

        var strangerKey = KeyPairGenerator.getInstance("EC");
        strangerKey.initialize(new ECGenParameterSpec("secp256r1"));
        CaCertificateImport stranger = CaCertificateImport.read(certificate(pending, strangerKey.generateKeyPair().getPrivate(),
                new BasicConstraints(0), KeyUsage.keyCertSign | KeyUsage.cRLSign, TEN_YEARS).getEncoded());
        assertCode(ErrorCode.CA_CERTIFICATE_UNTRUSTED, () -> stranger.check(pending, rootCert, now, CaBootstrap.TSA_VALIDITY));

        CaCertificateImport leaf = CaCertificateImport.read(certificate(pending, rootKey(), new BasicConstraints(false),
                KeyUsage.digitalSignature, TEN_YEARS).getEncoded());
        assertCode(ErrorCode.CA_CERTIFICATE_NOT_A_CA, () -> leaf.check(pending, rootCert, now, CaBootstrap.TSA_VALIDITY));
        CaCertificateImport noCrlSign = CaCertificateImport.read(certificate(pending, rootKey(), new BasicConstraints(0),
                KeyUsage.keyCertSign, TEN_YEARS).getEncoded());
        assertCode(ErrorCode.CA_CERTIFICATE_NOT_A_CA, () -> noCrlSign.check(pending, rootCert, now, CaBootstrap.TSA_VALIDITY));

        CaCertificateImport shortLived = CaCertificateImport.read(reply(request, Duration.ofDays(365 * 2)).getBytes());
        assertCode(ErrorCode.CA_CERTIFICATE_VALIDITY_SHORT,
                () -> shortLived.check(pending, rootCert, now, CaBootstrap.TSA_VALIDITY));

        assertEquals(pending, ring.certificate(KeyPurpose.PENDING_CA).getPublicKey(), "a refusal leaves the pending key");
        assertNotEquals(pending, ring.certificate(KeyPurpose.ISSUE_CERTIFICATE).getPublicKey());
    }

    private String reply(PKCS10CertificationRequest request, Duration validity) throws Exception {
        return root.certify(Pki.pem(request), PKI, validity, Map.of());
    }

    private PublicKey pending() {
        return ring.certificate(KeyPurpose.PENDING_CA).getPublicKey();
    }

    private PrivateKey rootKey() throws Exception {
        char[] password = Files.readString(custodian.resolveSibling("root.p12.password")).strip().toCharArray();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (var in = new FileInputStream(custodian.toFile())) {
            store.load(in, password);
        }
        return (PrivateKey) store.getKey(store.aliases().nextElement(), password);
    }

    private static PublicKey newKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair().getPublic();
    }

    private X509Certificate certificate(PublicKey subject, PrivateKey issuerKey, BasicConstraints constraints, int usage,
                                        Duration validity) throws Exception {
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(root.certificate(), BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minusSeconds(60)), Date.from(now.plus(validity)),
                CaBootstrap.name("medsign Mobile Signing CA G2", "medsign Test Hospital"), subject);
        builder.addExtension(Extension.basicConstraints, true, constraints);
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(usage));
        return new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER)
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA")
                        .setProvider(BouncyCastle.PROVIDER).build(issuerKey)));
    }

    private static void assertCode(ErrorCode code, Runnable action) {
        MedsignException refused = assertThrows(MedsignException.class, action::run);
        assertEquals(code, refused.errorCode());
    }
}
