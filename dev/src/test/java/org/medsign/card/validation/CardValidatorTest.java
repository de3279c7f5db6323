package org.medsign.card.validation;

import org.medsign.kernel.crypto.BouncyCastle;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medsign.dev.hca.TestHca;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.io.IOException;
import java.net.URI;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardValidatorTest {

    private final Instant now = Instant.now();
    private final Map<URI, byte[]> published = new HashMap<>();
    private final AtomicInteger fetches = new AtomicInteger();
    private TestHca hca;

    @BeforeEach
    void publish() throws Exception {
        hca = new TestHca();
        republish();
    }

    private void republish() throws Exception {
        published.put(URI.create(TestHca.CRL_URL), hca.cardCrl(now.minus(Duration.ofMinutes(1))).getEncoded());
        published.put(URI.create(TestHca.ROOT_CRL_URL), hca.rootCrl(now.minus(Duration.ofMinutes(1))).getEncoded());
    }

    private CardValidator validator(RevocationPolicy policy, X509Certificate... anchors) {
        CrlSource source = location -> {
            fetches.incrementAndGet();
            byte[] crl = published.get(location);
            if (crl == null) {
                throw new IOException("unreachable " + location);
            }
            return crl;
        };
        Set<TrustAnchor> trusted = new java.util.HashSet<>();
        for (X509Certificate anchor : anchors) {
            trusted.add(new TrustAnchor(anchor, null));
        }
        return new CardValidator(() -> trusted, new RevocationChecker(new CrlCache(source, Duration.ofMinutes(60))), policy);
    }

    private CardValidator validator() {
        return validator(RevocationPolicy.FAIL_CLOSED, hca.root());
    }

    private static ErrorCode refusal(CardValidator validator, List<X509Certificate> chain, Instant at) {
        return assertThrows(MedsignException.class, () -> validator.validate(chain, at)).errorCode();
    }

    @Test
    void aValidCardOfTheTrustedHcaPassesAndNamesItsHolder() throws Exception {
        TestHca.Card card = hca.card("A223456789");
        ValidatedCard validated = validator().validate(card.chain(), now);
        assertTrue(validated.revocationChecked());
        assertEquals("A223456789", validated.nationalId().orElseThrow());
        assertEquals(card.certificate().getSerialNumber().toString(16), validated.serialHex());
        assertFalse(validated.toString().contains("測試"), "no name in the card's description");
    }

    @Test
    void anEcCardPassesToo() throws Exception {
        TestHca.Card card = hca.card("張三", "B123456789", true, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        assertTrue(validator().validate(card.chain(), now).revocationChecked());
    }

    @Test
    void anExpiredCardOfTheTrustedHcaIsExpired() throws Exception {
        TestHca.Card card = hca.card("張三", "B123456789", false, now.minus(Duration.ofDays(800)), now.minus(Duration.ofDays(1)));
        assertEquals(ErrorCode.CARD_EXPIRED, refusal(validator(), card.chain(), now));
    }

    @Test
    void aCardNotYetValidIsRefusedAsOutOfItsValidity() throws Exception {
        TestHca.Card card = hca.card("張三", "B123456789", false, now.plus(Duration.ofDays(1)), now.plus(Duration.ofDays(9)));
        assertEquals(ErrorCode.CARD_EXPIRED, refusal(validator(), card.chain(), now));
    }

    @Test
    void aCardOfAnotherCaIsUntrustedEvenWhenItCarriesTheChainItClaims() throws Exception {
        TestHca other = new TestHca();
        assertEquals(ErrorCode.CARD_UNTRUSTED, refusal(validator(), other.card("A223456789").chain(), now));
        TestHca.Card expiredForeign = other.card("X", "A223456789", false, now.minus(Duration.ofDays(90)), now.minus(Duration.ofDays(1)));
        assertEquals(ErrorCode.CARD_UNTRUSTED, refusal(validator(), expiredForeign.chain(), now), "untrusted beats expired");
    }

    @Test
    void withoutAnchorsNothingIsTrusted() throws Exception {
        assertEquals(ErrorCode.CARD_UNTRUSTED, refusal(validator(RevocationPolicy.FAIL_CLOSED), hca.card("A223456789").chain(), now));
    }

    @Test
    void theIntermediateMayBeTheAnchor() throws Exception {
        TestHca.Card card = hca.card("A223456789");
        assertTrue(validator(RevocationPolicy.FAIL_CLOSED, hca.cardCa()).validate(List.of(card.certificate()), now).revocationChecked());
        assertEquals(ErrorCode.CARD_UNTRUSTED, refusal(validator(), List.of(card.certificate()), now),
                "without its issuer the card does not chain to the root");
    }

    @Test
    void aRevokedCardIsRefusedOnceTheCrlSaysSo() throws Exception {
        TestHca.Card card = hca.card("A223456789");
        CardValidator validator = validator();
        validator.validate(card.chain(), now);
        hca.revoke(card.certificate());
        republish();
        assertTrue(validator.validate(card.chain(), now).revocationChecked(), "the cached CRL is used until its refresh");
        assertEquals(ErrorCode.CARD_REVOKED, refusal(validator(), card.chain(), now), "a fresh cache sees the new CRL");
    }

    @Test
    void unreachableCrlsFailClosedByDefaultAndOpenWhenConfigured() throws Exception {
        TestHca.Card card = hca.card("A223456789");
        published.clear();
        assertEquals(ErrorCode.CARD_REVOCATION_UNKNOWN, refusal(validator(), card.chain(), now));
        ValidatedCard open = validator(RevocationPolicy.FAIL_OPEN, hca.root()).validate(card.chain(), now);
        assertFalse(open.revocationChecked());
    }

    @Test
    void aStaleCrlOrOneSignedByAnotherKeyTellsNothing() throws Exception {
        TestHca.Card card = hca.card("A223456789");
        published.put(URI.create(TestHca.CRL_URL), hca.cardCrl(now.minus(Duration.ofDays(8))).getEncoded());
        assertEquals(ErrorCode.CARD_REVOCATION_UNKNOWN, refusal(validator(), card.chain(), now));
        published.put(URI.create(TestHca.CRL_URL), new TestHca().cardCrl(now).getEncoded());
        assertEquals(ErrorCode.CARD_REVOCATION_UNKNOWN, refusal(validator(), card.chain(), now));
    }

    @Test
    void aCertificateNotForSignaturesIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BouncyCastle.PROVIDER);
        KeyPair caKeys = generator.generateKeyPair();
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=Encryption CA");
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, TestHca.serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))),
                new X500Name("CN=Someone"), keys.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyEncipherment | KeyUsage.keyAgreement));
        X509Certificate encryption = new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").setProvider(BouncyCastle.PROVIDER).build(caKeys.getPrivate())));
        assertEquals(ErrorCode.CARD_UNTRUSTED, refusal(validator(), List.of(encryption), now));
    }

    @Test
    void theCardCaIsCheckedAgainstTheRootCrl() throws Exception {
        TestHca.Card card = hca.card("A223456789");
        published.remove(URI.create(TestHca.ROOT_CRL_URL));
        assertEquals(ErrorCode.CARD_REVOCATION_UNKNOWN, refusal(validator(), card.chain(), now),
                "the card CA names a distribution point, so its status must be known too");
    }
}
