package org.medsign.systemtest;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

/** Bouncy Castle's own EC P-256 speed on one core, the yardstick the benchmarks divide their API figures by. */
public final class RawCrypto {

    private static final long MEASURE_NANOS = 3_000_000_000L;
    private static final Provider BC = new BouncyCastleProvider();
    private static final byte[] DATA = new byte[256];

    private RawCrypto() {
    }

    /** SHA256withECDSA signatures per second with one key. */
    public static double signsPerSecond() throws GeneralSecurityException {
        KeyPair key = key();
        Signature signer = Signature.getInstance("SHA256withECDSA", BC);
        return perSecond(() -> {
            signer.initSign(key.getPrivate());
            signer.update(DATA);
            signer.sign();
        });
    }

    /** SHA256withECDSA verifications per second of one signature. */
    public static double verifiesPerSecond() throws GeneralSecurityException {
        KeyPair key = key();
        Signature signer = Signature.getInstance("SHA256withECDSA", BC);
        signer.initSign(key.getPrivate());
        signer.update(DATA);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA", BC);
        return perSecond(() -> {
            verifier.initVerify(key.getPublic());
            verifier.update(DATA);
            verifier.verify(signature);
        });
    }

    private interface Operation {
        void run() throws GeneralSecurityException;
    }

    /** Warms the JIT up, then counts for three seconds. */
    private static double perSecond(Operation operation) throws GeneralSecurityException {
        for (int i = 0; i < 2000; i++) {
            operation.run();
        }
        int n = 0;
        long start = System.nanoTime();
        while (System.nanoTime() - start < MEASURE_NANOS) {
            operation.run();
            n++;
        }
        return n / ((System.nanoTime() - start) / 1e9);
    }

    private static KeyPair key() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BC);
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }
}
