package org.medsign.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.kernel.crypto.BouncyCastle;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CaBootstrapTest {

    @Test
    void theDevelopmentHierarchyGivesEachPurposeItsOwnKeyAndDropsTheRootKey(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        CaBootstrap.create(ring, "medsign Test Hospital");

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
        CaBootstrap.create(ring, "medsign Test Hospital");
        X509Certificate first = ring.certificate(KeyPurpose.AUDIT_SEAL);

        CaBootstrap.createAuditSeal(ring, "medsign Test Hospital");

        assertNotEquals(first, ring.certificate(KeyPurpose.AUDIT_SEAL));
        assertTrue(ring.probe(KeyPurpose.AUDIT_SEAL));
    }
}
