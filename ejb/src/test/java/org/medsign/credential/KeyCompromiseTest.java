package org.medsign.credential;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The revocation time validators are told: since a key's compromise when IT gives it, else when it was revoked. */
class KeyCompromiseTest {

    private static final Instant ISSUED = Instant.now().minus(Duration.ofDays(10)).truncatedTo(ChronoUnit.SECONDS);
    private static final Instant NOW = Instant.now();
    private Certificate certificate;

    @BeforeEach
    void issue() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(256);
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=N0001");
        X509Certificate x509 = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                BigInteger.TEN, Date.from(ISSUED), Date.from(ISSUED.plus(Duration.ofDays(730))), name, keys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        certificate = new Certificate(x509, "N0001", "device", null, "EC P-256", "fingerprint", ISSUED, 1);
    }

    @Test
    void aCompromiseTimeLiesWithinTheCertificatesLifeAndNotInTheFuture() {
        assertTrue(certificate.couldBeCompromisedAt(ISSUED, NOW));
        assertTrue(certificate.couldBeCompromisedAt(NOW.minus(Duration.ofDays(2)), NOW));
        assertFalse(certificate.couldBeCompromisedAt(ISSUED.minusSeconds(1), NOW), "before it was issued");
        assertFalse(certificate.couldBeCompromisedAt(NOW.plusSeconds(60), NOW), "in the future");
    }

    @Test
    void validatorsAreToldTheCompromiseTimeAndTheRegistryKeepsWhenItWasRecorded() {
        Instant stolen = NOW.minus(Duration.ofDays(2));
        assertTrue(certificate.revoke(RevocationReason.KEY_COMPROMISE, NOW, stolen));
        assertEquals(stolen, certificate.revocationTime());
        assertEquals(NOW, certificate.revokedAt(), "a new CRL is due from when it was recorded");
        assertEquals(stolen, certificate.compromisedSince().orElseThrow());
        assertFalse(certificate.revoke(RevocationReason.KEY_COMPROMISE, NOW, null), "revoked once");
    }

    @Test
    void withoutACompromiseTimeTheRevocationIsDatedWhenItWasMade() {
        assertEquals(null, certificate.revocationTime(), "not revoked");
        assertTrue(certificate.revoke(RevocationReason.CESSATION_OF_OPERATION, NOW));
        assertEquals(NOW, certificate.revocationTime());
        assertTrue(certificate.compromisedSince().isEmpty());
    }
}
