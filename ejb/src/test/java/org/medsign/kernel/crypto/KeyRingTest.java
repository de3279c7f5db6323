package org.medsign.kernel.crypto;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KeyRingTest {

    private static final char[] PASSWORD = "test-password".toCharArray();

    @Test
    void aKeyMadeAndCertifiedSignsByPurposeAfterTheFileIsReadAgain(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), PASSWORD);
        assertFalse(ring.has(KeyPurpose.AUDIT_SEAL));
        PublicKey key = ring.newKey(KeyPurpose.AUDIT_SEAL);
        assertTrue(ring.has(KeyPurpose.AUDIT_SEAL), "a new key counts before its certificate");
        ring.certified(KeyPurpose.AUDIT_SEAL, List.of(certifiedByRoot(ring, key)));

        KeyRing again = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), PASSWORD);
        byte[] text = "checkpoint 42".getBytes();
        byte[] seal = again.sealAudit(text);
        Signature verifier = Signature.getInstance("SHA256withECDSA", BouncyCastle.PROVIDER);
        verifier.initVerify(key);
        verifier.update(text);
        assertTrue(verifier.verify(seal));
        assertTrue(again.probe(KeyPurpose.AUDIT_SEAL));
        assertFalse(again.probe(KeyPurpose.TIMESTAMP), "no TSA key: the probe says so instead of throwing");
    }

    /** The JDK reads SunEC key objects from PKCS#12; Bouncy Castle signs with those about 3.5 times slower. */
    @Test
    void softwareKeysAreReadBackAsBouncyCastleKeys(@TempDir Path dir) {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), PASSWORD);
        ring.certified(KeyPurpose.SIGN_OCSP, List.of(certifiedByRoot(ring, ring.newKey(KeyPurpose.SIGN_OCSP))));

        KeyToken token = KeyToken.pkcs12(dir.resolve("ca.p12"), PASSWORD);
        assertInstanceOf(ECPrivateKey.class, token.key("ocsp"));
    }

    @Test
    void aRetiredKeyLeavesItsCertificateAndNoKey(@TempDir Path dir) {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), PASSWORD);
        X509Certificate root = certifiedByRoot(ring, ring.newKey(KeyPurpose.CERTIFY_CA));
        ring.retire(KeyPurpose.CERTIFY_CA, root);

        KeyRing again = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), PASSWORD);
        assertFalse(again.has(KeyPurpose.CERTIFY_CA));
        assertEquals(root, again.certificate(KeyPurpose.CERTIFY_CA));
        assertThrows(IllegalStateException.class, () -> again.certifyCa(builder(root.getPublicKey())));
    }

    @Test
    void theInstitutionKeyIsTheFirstKeyEntryWhateverItsAlias(@TempDir Path dir) {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), PASSWORD);
        assertFalse(ring.has(KeyPurpose.INSTITUTION_SIGNATURE));
        PublicKey key = ring.newKey(KeyPurpose.INSTITUTION_SIGNATURE);
        X509Certificate certificate = certifiedByRoot(ring, key);
        ring.certified(KeyPurpose.INSTITUTION_SIGNATURE, List.of(certificate));

        KeyRing again = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), PASSWORD);
        assertTrue(again.has(KeyPurpose.INSTITUTION_SIGNATURE));
        assertArrayEquals(certificate.getPublicKey().getEncoded(),
                again.certificate(KeyPurpose.INSTITUTION_SIGNATURE).getPublicKey().getEncoded());
        assertTrue(again.probe(KeyPurpose.INSTITUTION_SIGNATURE));
    }

    @Test
    void theAlgorithmFollowsTheKey() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        assertEquals("SHA256withRSA", SignatureAlgorithms.forKey(rsa.generateKeyPair().getPublic()));
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        assertEquals("SHA256withECDSA", SignatureAlgorithms.forKey(ec.generateKeyPair().getPrivate()));
        KeyPairGenerator dsa = KeyPairGenerator.getInstance("DSA");
        dsa.initialize(2048);
        assertThrows(IllegalArgumentException.class, () -> SignatureAlgorithms.forKey(dsa.generateKeyPair().getPublic()));
    }

    /** A certificate for {@code key} from the ring's root key, made for the test. */
    private static X509Certificate certifiedByRoot(KeyRing ring, PublicKey key) {
        if (!ring.has(KeyPurpose.CERTIFY_CA)) {
            ring.newKey(KeyPurpose.CERTIFY_CA);
        }
        return ring.certifyCa(builder(key));
    }

    private static JcaX509v3CertificateBuilder builder(PublicKey key) {
        X500Name name = new X500Name("CN=test");
        return new JcaX509v3CertificateBuilder(name, BigInteger.ONE, Date.from(Instant.now()),
                Date.from(Instant.now().plusSeconds(3600)), name, key);
    }
}
