package org.medsign.institution;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.CertificateAuthority;
import org.medsign.kernel.crypto.KeyPurpose;
import org.medsign.kernel.crypto.KeyRing;

import java.math.BigInteger;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the long-term-evidence job may do with institution signatures: take those made with the certificate medsign's
 * CA issued (its responder answers for it) and hold every one at CAdES-T when the certificate is another CA's (the HCA's).
 */
class InstitutionSignatureKindTest {

    @Test
    void withTheDevelopmentCertificateItsSignaturesGoOnAndNoOthers(@TempDir Path dir) throws Exception {
        X509Certificate development = issued("CN=medsign Mobile Signing CA", BigInteger.valueOf(0x1234), null);
        InstitutionSignatureKind kind = kind(Optional.of(development), dir);

        assertEquals(Optional.of(development), kind.signer(signedBy("1234")));
        assertEquals(Optional.empty(), kind.signer(signedBy("abcd")), "an earlier certificate the responder no longer serves");
        assertEquals(Optional.empty(), kind.held());
    }

    @Test
    void aCertificateFromTheHcaHoldsThemAtCadesT(@TempDir Path dir) throws Exception {
        KeyRing ring = KeyRing.ofFiles(dir.resolve("ca.p12"), dir.resolve("institution.p12"), "test".toCharArray());
        X509Certificate hca = issued("CN=HCA, O=Ministry of Health and Welfare, C=TW", BigInteger.valueOf(0x5678),
                ring.newKey(KeyPurpose.INSTITUTION_SIGNATURE));
        ring.certified(KeyPurpose.INSTITUTION_SIGNATURE, List.of(hca));
        InstitutionSignatureKind kind = kind(Optional.empty(), dir);
        kind.ring = ring;

        assertEquals(Optional.empty(), kind.signer(signedBy("5678")));
        String held = kind.held().orElseThrow();
        assertTrue(held.contains("5678") && held.contains("HCA"), held);
    }

    private static InstitutionSignatureKind kind(Optional<X509Certificate> medsignIssued, Path dir) {
        InstitutionSignatureKind kind = new InstitutionSignatureKind();
        kind.ca = new CertificateAuthority() {
            @Override
            public Optional<X509Certificate> institutionCertificate() {
                return medsignIssued;
            }
        };
        kind.ring = KeyRing.ofFiles(dir.resolve("empty-ca.p12"), dir.resolve("empty-institution.p12"), "test".toCharArray());
        return kind;
    }

    private static InstitutionSignature signedBy(String serial) {
        Instant now = Instant.now();
        return new InstitutionSignature(1, 1, "N0001", serial, "00".repeat(32), new InstitutionCms.Signed(new byte[1], now), now);
    }

    /** A certificate from {@code issuer} (a stand-in key signs it) for {@code subjectKey}, or for the stand-in's own. */
    private static X509Certificate issued(String issuer, BigInteger serial, PublicKey subjectKey) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair issuerKey = generator.generateKeyPair();
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name(issuer), serial,
                Date.from(now), Date.from(now.plus(Duration.ofDays(1))), new X500Name("CN=medsign Test Hospital"),
                subjectKey == null ? issuerKey.getPublic() : subjectKey)
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
    }
}
