package org.medsign.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaBootstrapTest {

    private static final URI PKI = URI.create("http://pki.hospital.example/medsign");

    @Test
    void theDevelopmentHierarchyGivesEachPurposeItsOwnKeyAndDropsTheRootKey(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        CaBootstrap.create(ring, "medsign Test Hospital", PKI);

        X509Certificate root = ring.certificate(KeyPurpose.CERTIFY_CA);
        X509Certificate issuing = ring.certificate(KeyPurpose.ISSUE_CERTIFICATE);
        X509Certificate seal = ring.certificate(KeyPurpose.AUDIT_SEAL);
        assertFalse(ring.has(KeyPurpose.CERTIFY_CA), "the root's key goes offline");
        assertNotEquals(issuing.getPublicKey(), seal.getPublicKey(), "the audit seal never uses the CA's key");
        assertNotEquals(issuing.getPublicKey(), ring.certificate(KeyPurpose.TIMESTAMP).getPublicKey());
        assertEquals(issuing, ring.certificate(KeyPurpose.SIGN_CRL), "a direct CRL: the issuing CA signs it");
        issuing.verify(root.getPublicKey(), BouncyCastle.PROVIDER);
        seal.verify(issuing.getPublicKey(), BouncyCastle.PROVIDER);
        assertEquals(List.of(seal, issuing, root), ring.chain(KeyPurpose.AUDIT_SEAL));
        for (KeyPurpose purpose : List.of(KeyPurpose.ISSUE_CERTIFICATE, KeyPurpose.SIGN_OCSP, KeyPurpose.TIMESTAMP,
                KeyPurpose.AUDIT_SEAL)) {
            assertTrue(ring.probe(purpose), purpose.name());
        }
        assertTrue(Files.exists(dir.resolve("ca.p12")));
    }

    @Test
    void aKeyStoreFromBeforeTheSealHadItsOwnKeyGetsOne(@TempDir Path dir) {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        CaBootstrap.create(ring, "medsign Test Hospital", PKI);
        X509Certificate first = ring.certificate(KeyPurpose.AUDIT_SEAL);

        CaBootstrap.createAuditSeal(ring, "medsign Test Hospital");

        assertNotEquals(first, ring.certificate(KeyPurpose.AUDIT_SEAL));
        assertTrue(ring.probe(KeyPurpose.AUDIT_SEAL));
    }

    /** What EN 319 102-1 validators need: each certificate above a signer names a CRL, and the root's CRL exists. */
    @Test
    void everyCertificateAValidatorChecksNamesItsCrlAndTheRootSignedOneBeforeGoingOffline(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        CaBootstrap.create(ring, "medsign Test Hospital", PKI);
        X509Certificate root = ring.certificate(KeyPurpose.CERTIFY_CA);
        X509Certificate issuing = ring.certificate(KeyPurpose.ISSUE_CERTIFICATE);

        assertEquals(List.of("http://pki.hospital.example/medsign/pki/mobile/root.crl"), distributionPoints(issuing));
        assertEquals(List.of("http://pki.hospital.example/medsign/pki/mobile/ca.crl"),
                distributionPoints(ring.certificate(KeyPurpose.TIMESTAMP)));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(
                new ByteArrayInputStream(ring.rootCrl().orElseThrow()));
        crl.verify(root.getPublicKey());
        assertEquals(issuing.getNotBefore(), crl.getThisUpdate(), "not older than the certificate it speaks of");
        assertEquals(issuing.getNotAfter(), crl.getNextUpdate(), "lasts while the CA's certificate does");
        assertTrue(Files.exists(dir.resolve("root.crl")), "kept beside the key store");

        Files.writeString(dir.resolve("root.pem"), Pki.pem(root));
        Files.writeString(dir.resolve("issuing.pem"), Pki.pem(issuing));
        Files.writeString(dir.resolve("root-crl.pem"), Pki.pem(crl));
        OpenSsl.Result verify = OpenSsl.run(dir, "verify", "-crl_check", "-CAfile", "root.pem", "-CRLfile", "root-crl.pem",
                "issuing.pem");
        assertEquals(0, verify.exitCode(), verify.output());
    }

    @Test
    void aTsaCertificateFromBeforeDistributionPointsIsRenewedForTheSameKey(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        CaBootstrap.create(ring, "medsign Test Hospital", PKI);
        X509Certificate issuing = ring.certificate(KeyPurpose.ISSUE_CERTIFICATE);
        X509Certificate current = ring.certificate(KeyPurpose.TIMESTAMP);
        JcaX509v3CertificateBuilder old = new JcaX509v3CertificateBuilder(issuing, Pki.randomSerial(), current.getNotBefore(),
                current.getNotAfter(), new JcaX509CertificateHolder(current).getSubject(), current.getPublicKey());
        ring.recertified(KeyPurpose.TIMESTAMP, List.of(ring.issueCertificate(old), issuing, ring.certificate(KeyPurpose.CERTIFY_CA)));
        assertEquals(List.of(), distributionPoints(ring.certificate(KeyPurpose.TIMESTAMP)));

        KeyRing again = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        PkiProfileUpgrade.complete(again, "medsign Test Hospital", PKI);

        X509Certificate renewed = again.certificate(KeyPurpose.TIMESTAMP);
        assertEquals(List.of("http://pki.hospital.example/medsign/pki/mobile/ca.crl"), distributionPoints(renewed));
        assertEquals(current.getPublicKey(), renewed.getPublicKey(), "the same key");
        assertEquals(current.getNotAfter(), renewed.getNotAfter());
        assertEquals(List.of(renewed, issuing, again.certificate(KeyPurpose.CERTIFY_CA)), again.chain(KeyPurpose.TIMESTAMP));
        assertTrue(again.probe(KeyPurpose.TIMESTAMP));
    }

    private static List<String> distributionPoints(X509Certificate certificate) throws Exception {
        byte[] value = certificate.getExtensionValue(Extension.cRLDistributionPoints.getId());
        if (value == null) {
            return List.of();
        }
        List<String> uris = new java.util.ArrayList<>();
        for (DistributionPoint point : CRLDistPoint.getInstance(JcaX509ExtensionUtils.parseExtensionValue(value)).getDistributionPoints()) {
            for (GeneralName name : GeneralNames.getInstance(point.getDistributionPoint().getName()).getNames()) {
                uris.add(name.getName().toString());
            }
        }
        return uris;
    }
}
