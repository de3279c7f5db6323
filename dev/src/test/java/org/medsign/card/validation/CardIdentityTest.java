package org.medsign.card.validation;

import org.junit.jupiter.api.Test;
import org.medsign.dev.hca.TestHca;

import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CardIdentityTest {

    @Test
    void readsTheNationalIdFromTheSemanticIdentifierOnly() throws Exception {
        TestHca hca = new TestHca();
        assertEquals("A223456789", CardIdentity.nationalId(hca.card("A223456789").certificate()).orElseThrow());
        assertTrue(CardIdentity.nationalId(hca.card(null).certificate()).isEmpty());
        assertTrue(CardIdentity.nationalId(hca.root()).isEmpty());
    }

    @Test
    void namesCardsWithoutPersonalData() throws Exception {
        TestHca hca = new TestHca();
        var card = hca.card("A223456789").certificate();
        assertTrue(CardIdentity.fingerprint(card).matches("[0-9a-f]{64}"));
        assertEquals("medsign Development HCA Card CA", CardIdentity.issuerName(card));
        assertEquals(List.of(URI.create(TestHca.CRL_URL)), RevocationChecker.distributionPoints(card));
        assertTrue(RevocationChecker.distributionPoints(hca.root()).isEmpty());
    }

    @Test
    void readsChainsAndPemBack() throws Exception {
        TestHca hca = new TestHca();
        var card = hca.card("A223456789");
        var pems = card.chain().stream().map(CardCertificates::pem).toList();
        assertEquals(card.chain(), CardCertificates.chain(pems));
        assertThrowsCertificate(() -> CardCertificates.chain(List.of()));
        assertThrowsCertificate(() -> CardCertificates.chain(List.of("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n")));
        assertThrowsCertificate(() -> CardCertificates.chain(List.of(pems.get(0) + pems.get(1))));
    }

    private static void assertThrowsCertificate(org.junit.jupiter.api.function.Executable executable) {
        org.junit.jupiter.api.Assertions.assertThrows(java.security.cert.CertificateException.class, executable);
    }
}
