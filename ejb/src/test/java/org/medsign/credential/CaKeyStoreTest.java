package org.medsign.credential;

import org.bouncycastle.jce.interfaces.ECPrivateKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.security.PrivateKey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class CaKeyStoreTest {

    /** The JDK reads SunEC key objects from PKCS#12; Bouncy Castle signs with those about 3.5 times slower. */
    @Test
    void keysReadBackFromPkcs12AreBouncyCastleKeys(@TempDir Path dir) {
        CaKeys created = CaBootstrap.create("medsign Test Hospital");
        char[] password = "test-password".toCharArray();
        CaKeyStore.save(dir.resolve("ca.p12"), password, created);

        CaKeys loaded = CaKeyStore.loadPkcs12(dir.resolve("ca.p12"), password);

        for (PrivateKey key : new PrivateKey[]{loaded.issuingKey(), loaded.ocspKey(), loaded.tsaKey()}) {
            assertInstanceOf(ECPrivateKey.class, key, key.getClass().getName());
        }
        assertEquals(created.tsa(), loaded.tsa());
        assertEquals(((ECPrivateKey) created.tsaKey()).getD(), ((ECPrivateKey) loaded.tsaKey()).getD());
    }
}
