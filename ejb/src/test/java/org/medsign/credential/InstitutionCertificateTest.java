package org.medsign.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.net.URI;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Which institution certificate the OCSP responder answers for: the one this CA issued, not one that merely carries
 * the same issuer name (a hospital's from another CA, or another installation's development CA).
 */
class InstitutionCertificateTest {

    private static final URI PKI = URI.create("http://pki.hospital.example/medsign");
    private static final String HOSPITAL = "medsign Test Hospital";

    @Test
    void theResponderAnswersForTheInstitutionCertificateOnlyWhenThisCaSignedIt(@TempDir Path dir) {
        KeyRing ours = ringWithInstitution(dir.resolve("ours"));
        KeyRing other = ringWithInstitution(dir.resolve("other"));
        X509Certificate issuing = ours.certificate(KeyPurpose.ISSUE_CERTIFICATE);
        List<X509Certificate> ourChain = ours.chain(KeyPurpose.INSTITUTION_SIGNATURE);
        List<X509Certificate> otherChain = other.chain(KeyPurpose.INSTITUTION_SIGNATURE);

        assertEquals(Optional.of(ourChain.get(0)), CertificateAuthority.issuedBy(ourChain, issuing));
        assertEquals(issuing.getSubjectX500Principal(), otherChain.get(0).getIssuerX500Principal(), "the same name");
        assertEquals(Optional.empty(), CertificateAuthority.issuedBy(otherChain, issuing), "but another CA's key");
        assertEquals(Optional.empty(), CertificateAuthority.issuedBy(List.of(), issuing), "no institution certificate");
    }

    private static KeyRing ringWithInstitution(Path dir) {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        CaBootstrap.create(ring, HOSPITAL, PKI);
        Instant now = Instant.now();
        X509Certificate institution = CertificateProfile.issue(ring, CertificateProfile.institutionSubject(HOSPITAL, "0000000000"),
                ring.newKey(KeyPurpose.INSTITUTION_SIGNATURE), Pki.randomSerial(), now, now.plus(Duration.ofDays(30)), PKI);
        List<X509Certificate> chain = new java.util.ArrayList<>(List.of(institution));
        chain.addAll(ring.chain(KeyPurpose.ISSUE_CERTIFICATE));
        ring.certified(KeyPurpose.INSTITUTION_SIGNATURE, chain);
        return ring;
    }
}
