package org.medsign.dev.hca;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.card.validation.CardCertificates;
import org.medsign.card.validation.CardIdentity;
import org.medsign.card.validation.CardValidation;
import org.medsign.dev.staff.DemoPeople;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DevCardIssuerTest {

    @TempDir
    Path dir;

    private final List<URI> forgotten = new ArrayList<>();

    private DevCardIssuer issuer() {
        DevCardIssuer issuer = new DevCardIssuer();
        issuer.settings = new DevHcaSettings() {
            @Override
            public String cardCrlUrl() {
                return "http://localhost:8180/medsign/pki/hca-dev.crl";
            }

            @Override
            public String rootCrlUrl() {
                return "http://localhost:8180/medsign/pki/hca-dev-root.crl";
            }
        };
        issuer.validation = new CardValidation() {
            @Override
            public void forgetCrl(URI location) {
                forgotten.add(location);
            }
        };
        return issuer;
    }

    private static X509CRL crl(DevCaStore store) throws Exception {
        return (X509CRL) CertificateFactory.getInstance("X.509")
                .generateCRL(new ByteArrayInputStream(store.read(DevCaStore.CARD_CRL)));
    }

    private static KeyStore softCard(Path file) throws Exception {
        KeyStore card = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            card.load(in, DevHcaSettings.SOFT_CARD_PIN.toCharArray());
        }
        return card;
    }

    private static BigInteger crlNumber(X509CRL crl) throws Exception {
        return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.cRLNumber.getId()))).getValue();
    }

    @Test
    void createsTheCasTheCrlsAndADemoCardPerPerson() throws Exception {
        DevCaStore store = new DevCaStore(dir);
        issuer().create(store);
        assertTrue(store.exists());
        Map<String, IssuedCard> cards = store.cards().stream().collect(Collectors.toMap(IssuedCard::file, Function.identity()));
        List<String> expected = new ArrayList<>(DemoPeople.all().stream().map(p -> p.employeeNumber() + ".p12").toList());
        expected.addAll(List.of("N0002-expired.p12", "N0003-revoked.p12", "nobody.p12"));
        assertEquals(expected.stream().sorted().toList(), cards.keySet().stream().sorted().toList(),
                "a card per demo person, and the expired, revoked and unknown-person demo cards");

        KeyStore n1 = softCard(store.softCard("N0001.p12"));
        X509Certificate card = (X509Certificate) n1.getCertificate("card");
        assertTrue(n1.getKey("card", DevHcaSettings.SOFT_CARD_PIN.toCharArray()) instanceof PrivateKey);
        assertEquals(3, n1.getCertificateChain("card").length, "card, card CA, root");
        assertEquals("A223456789", CardIdentity.nationalId(card).orElseThrow());
        assertTrue(card.getKeyUsage()[0] && card.getKeyUsage()[1], "digitalSignature and nonRepudiation");
        assertEquals("RSA", card.getPublicKey().getAlgorithm());
        assertEquals("EC", softCard(store.softCard("D0001.p12")).getCertificate("card").getPublicKey().getAlgorithm());
        assertTrue(CardIdentity.nationalId((X509Certificate) softCard(store.softCard("AU0001.p12")).getCertificate("card")).isEmpty(),
                "AU0001's card names no holder: it needs IT's link");
        assertTrue(DevCardIssuer.demoCard(cards.get("AU0001.p12")));
        assertTrue(cards.get("N0002-expired.p12").expiredAt(Instant.now()));

        X509Certificate root = CardCertificates.file(dir.resolve(DevCaStore.ROOT_PEM)).get(0);
        X509Certificate cardCa = CardCertificates.file(dir.resolve(DevCaStore.CARD_CA_PEM)).get(0);
        card.verify(cardCa.getPublicKey());
        cardCa.verify(root.getPublicKey());

        X509CRL crl = crl(store);
        crl.verify(cardCa.getPublicKey());
        assertEquals(BigInteger.ONE, crlNumber(crl));
        X509Certificate revoked = (X509Certificate) softCard(store.softCard("N0003-revoked.p12")).getCertificate("card");
        assertNotNull(crl.getRevokedCertificate(revoked));
        assertNull(crl.getRevokedCertificate(card));
        assertTrue(crl.getNextUpdate().after(new java.util.Date()));
        assertFalse(forgotten.isEmpty(), "this server's cache is told to fetch the new CRL");
    }

    @Test
    void issuesRevokesAndPublishesANewCrlWithAHigherNumber() throws Exception {
        DevCaStore store = new DevCaStore(dir);
        DevCardIssuer issuer = issuer();
        issuer.create(store);
        long before = crl(store).getRevokedCertificates().size();

        IssuedCard fresh = issuer.issue(store, "N0002", true, false, Instant.now());
        assertTrue(fresh.file().startsWith("N0002-") && fresh.file().endsWith(".p12"));
        X509Certificate certificate = issuer.certificateOf(store, fresh);
        assertEquals(fresh.serialHex(), certificate.getSerialNumber().toString(16));
        assertEquals(List.of(URI.create("http://localhost:8180/medsign/pki/hca-dev.crl")),
                org.medsign.card.validation.RevocationChecker.distributionPoints(certificate));

        assertTrue(issuer.revoke(store, fresh.serialHex(), Instant.now()).orElseThrow().revoked());
        assertTrue(issuer.revoke(store, "ffff", Instant.now()).isEmpty());
        long number = issuer.publish(store, Instant.now());
        X509CRL crl = crl(store);
        assertEquals(2, number, "creating published CRL 1");
        assertEquals(BigInteger.TWO, crlNumber(crl));
        assertEquals(before + 1, crl.getRevokedCertificates().size());
        assertNotNull(crl.getRevokedCertificate(certificate));

        IssuedCard expired = issuer.issue(store, "nobody", true, true, Instant.now());
        assertTrue(expired.expiredAt(Instant.now()));
        assertTrue(CardIdentity.nationalId(issuer.certificateOf(store, expired)).orElseThrow().startsWith("Z9"));
        assertFalse(DevCardIssuer.demoCard(expired));
    }
}
