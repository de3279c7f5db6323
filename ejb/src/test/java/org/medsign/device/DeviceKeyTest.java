package org.medsign.device;

import org.junit.jupiter.api.Test;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DeviceKeyTest {

    private static final String TICKET = "q2kN0f3YbTnq6pS9X1v2Rw4mZk8";

    private static KeyPair ec(String curve) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec(curve));
        return g.generateKeyPair();
    }

    private static KeyPair rsa(int bits) throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
        g.initialize(bits);
        return g.generateKeyPair();
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static String proof(KeyPair pair, String algorithm, DeviceKey key, String ticket) throws Exception {
        Signature s = Signature.getInstance(algorithm);
        s.initSign(pair.getPrivate());
        s.update(DeviceKey.bindingProofMessage(ticket, key.fingerprint()));
        return b64(s.sign());
    }

    @Test
    void acceptsP256AndItsProof() throws Exception {
        KeyPair pair = ec("secp256r1");
        DeviceKey key = DeviceKey.parse(b64(pair.getPublic().getEncoded()));
        assertEquals("EC P-256", key.description());
        key.verifyBindingProof(TICKET, proof(pair, "SHA256withECDSA", key, TICKET));
    }

    @Test
    void acceptsRsa2048() throws Exception {
        KeyPair pair = rsa(2048);
        DeviceKey key = DeviceKey.parse(b64(pair.getPublic().getEncoded()));
        assertEquals("RSA 2048", key.description());
        key.verifyBindingProof(TICKET, proof(pair, "SHA256withRSA", key, TICKET));
    }

    @Test
    void refusesWeakKeysAndOtherCurves() throws Exception {
        for (KeyPair weak : new KeyPair[]{rsa(1024), ec("secp384r1")}) {
            MedsignException e = assertThrows(MedsignException.class,
                    () -> DeviceKey.parse(b64(weak.getPublic().getEncoded())));
            assertEquals(ErrorCode.DEVICE_KEY_REFUSED, e.errorCode());
        }
        assertEquals(ErrorCode.DEVICE_KEY_REFUSED,
                assertThrows(MedsignException.class, () -> DeviceKey.parse("not base64!")).errorCode());
        assertEquals(ErrorCode.DEVICE_KEY_REFUSED,
                assertThrows(MedsignException.class, () -> DeviceKey.parse(b64(new byte[]{1, 2, 3}))).errorCode());
    }

    @Test
    void aProofForAnotherTicketOrByAnotherKeyIsRefused() throws Exception {
        KeyPair pair = ec("secp256r1");
        DeviceKey key = DeviceKey.parse(b64(pair.getPublic().getEncoded()));
        String otherTicket = proof(pair, "SHA256withECDSA", key, "AAAAAAAAAAAAAAAAAAAAAAAAAAA");
        assertEquals(ErrorCode.DEVICE_PROOF_INVALID,
                assertThrows(MedsignException.class, () -> key.verifyBindingProof(TICKET, otherTicket)).errorCode());
        String otherKey = proof(ec("secp256r1"), "SHA256withECDSA", key, TICKET);
        assertThrows(MedsignException.class, () -> key.verifyBindingProof(TICKET, otherKey));
        assertThrows(MedsignException.class, () -> key.verifyBindingProof(TICKET, null));
        assertThrows(MedsignException.class, () -> key.verifyBindingProof(TICKET, "%%%"));
    }
}
