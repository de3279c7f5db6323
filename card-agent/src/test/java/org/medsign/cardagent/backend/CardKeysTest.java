package org.medsign.cardagent.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;
import org.medsign.cardagent.support.TestPki;

class CardKeysTest {
    private static final char[] PASSWORD = "123456".toCharArray();
    private static TestPki.Card encryption;
    private static TestPki.Card signing;

    @BeforeAll
    static void makeCards() {
        // like a healthcare professional card: an encryption key and a signing key
        encryption = TestPki.card(TestPki.KeyType.RSA, "Encryption", KeyUsage.keyEncipherment | KeyUsage.dataEncipherment);
        signing = TestPki.signingCard(TestPki.KeyType.RSA, "Signature");
    }

    @Test
    void theSigningKeyIsChosenOverTheEncryptionKey() throws Exception {
        KeyStore store = store();

        assertEquals("b-sign", CardKeys.chooseAlias(store, null));
        SignResult result = CardKeys.sign(store, null, PASSWORD, new byte[32], null);
        assertEquals(signing.certificate(), result.chain().get(0));
        assertEquals("SHA256withRSA", result.algorithm());
        assertTrue(TestPki.verifies(signing.certificate(), "SHA256withRSA", new byte[32], result.signature()));
    }

    @Test
    void aConfiguredAliasWins() throws Exception {
        KeyStore store = store();

        assertEquals("a-enc", CardKeys.chooseAlias(store, "a-enc"));
        AgentException missing = assertThrows(AgentException.class, () -> CardKeys.chooseAlias(store, "other"));
        assertEquals(AgentError.CARD_ERROR, missing.error());
    }

    @Test
    void anEmptyCardIsAnError() throws Exception {
        KeyStore empty = KeyStore.getInstance("PKCS12");
        empty.load(null, null);

        assertEquals(AgentError.CARD_ERROR,
                assertThrows(AgentException.class, () -> CardKeys.chooseAlias(empty, null)).error());
    }

    @Test
    void theAlgorithmFollowsTheKeyType() throws Exception {
        assertEquals("SHA256withRSA", CardKeys.algorithmFor(signing.keys().getPrivate()));
        assertEquals("SHA256withECDSA",
                CardKeys.algorithmFor(TestPki.generate(TestPki.KeyType.EC).getPrivate()));
    }

    private static KeyStore store() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("a-enc", encryption.keys().getPrivate(), PASSWORD, encryption.chain());
        store.setKeyEntry("b-sign", signing.keys().getPrivate(), PASSWORD, signing.chain());
        return store;
    }
}
