package org.medsign.systemtest;

import org.bouncycastle.jce.provider.BouncyCastleProvider;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Provider;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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

    /**
     * The least crypto one signing item costs the server — verifying the phone's signature and signing its RFC 3161
     * token — as items per second with {@code threads} threads at once: the ceiling of the API path on this machine.
     */
    public static double verifyAndSignPerSecond(int threads) throws Exception {
        KeyPair phone = key();
        KeyPair tsa = key();
        Signature signer = Signature.getInstance("SHA256withECDSA", BC);
        signer.initSign(phone.getPrivate());
        signer.update(DATA);
        byte[] signature = signer.sign();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Double>> rates = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                rates.add(pool.submit(() -> {
                    Signature verifier = Signature.getInstance("SHA256withECDSA", BC);
                    Signature stamper = Signature.getInstance("SHA256withECDSA", BC);
                    return perSecond(() -> {
                        verifier.initVerify(phone.getPublic());
                        verifier.update(DATA);
                        verifier.verify(signature);
                        stamper.initSign(tsa.getPrivate());
                        stamper.update(DATA);
                        stamper.sign();
                    });
                }));
            }
            double sum = 0;
            for (Future<Double> rate : rates) {
                sum += rate.get();
            }
            return sum;
        } finally {
            pool.shutdown();
        }
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
