package org.medsign.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.medsign.kernel.crypto.KeyRing;
import org.medsign.kernel.crypto.BouncyCastle;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * medsign's own RFC 3161 time-stamping authority, with the TSA certificate of the CA. Signatures get a token over
 * their signature value (CAdES-T); the token's time is the evidence of when the server received the signature.
 */
@Singleton
@PermitAll
@Lock(LockType.READ)
public class TimeStampAuthority {

    /** medsign's TSA policy (a UUID-based OID, X.667). */
    static final ASN1ObjectIdentifier POLICY = new ASN1ObjectIdentifier("2.25.245356271389562397045921337612298764711.2");

    /**
     * Token serials are this server start's random 63-bit prefix followed by a 64-bit count: unique across the nodes
     * of a cluster and across restarts (RFC 3161 wants one serial per token of the TSA; a clock-based count alone
     * could meet another node's), and well within the 160 bits a serial may have.
     */
    private final BigInteger serialPrefix = new BigInteger(63, new java.security.SecureRandom()).setBit(62).shiftLeft(64);
    private final AtomicLong serial = new AtomicLong();

    @Inject
    CertificateAuthority ca;

    @Inject
    KeyRing ring;

    public TimeStampToken stamp(byte[] data) {
        return stamper().stamp(data);
    }

    /** The certificate new tokens carry. */
    public X509Certificate certificate() {
        return ca.certificates().tsa();
    }

    /**
     * Rolls the TSA over to a new key (IT's operation, audited by its caller). Write-locked: no stamper is begun
     * meanwhile, so none pairs the new key with the old certificate; stampers already begun finish with the old pair,
     * which stays valid.
     */
    @Lock(LockType.WRITE)
    public X509Certificate rollKey() {
        return ca.rollTimestampKey();
    }

    /**
     * A stamper for one thread's run of tokens (a slice of a signing batch): it builds the token generator once,
     * which is most of a token's cost. Not thread-safe; serial numbers stay unique across stampers.
     */
    public Stamper stamper() {
        try {
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(ring.timestampSigner(),
                    new JcaDigestCalculatorProviderBuilder().setProvider(BouncyCastle.PROVIDER).build()
                            .get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            X509Certificate certificate = ca.certificates().tsa();
            generator.addCertificates(new JcaCertStore(List.of(certificate)));
            return new Stamper(generator, certificate, serialPrefix, serial);
        } catch (Exception e) {
            throw new IllegalStateException("The time-stamping authority failed", e);
        }
    }

    /** Makes tokens with one generator. */
    public static final class Stamper {

        private final TimeStampTokenGenerator generator;
        private final X509Certificate certificate;
        private final BigInteger serialPrefix;
        private final AtomicLong serial;
        private final TimeStampRequestGenerator requests = new TimeStampRequestGenerator();

        Stamper(TimeStampTokenGenerator generator, X509Certificate certificate, BigInteger serialPrefix, AtomicLong serial) {
            this.generator = generator;
            this.certificate = certificate;
            this.serialPrefix = serialPrefix;
            this.serial = serial;
            requests.setCertReq(true);
        }

        /** The TSA certificate this stamper's tokens carry. */
        public X509Certificate certificate() {
            return certificate;
        }

        public TimeStampToken stamp(byte[] data) {
            try {
                TimeStampRequest request = requests.generate(TSPAlgorithms.SHA256,
                        MessageDigest.getInstance("SHA-256").digest(data));
                return generator.generate(request, serialPrefix.add(BigInteger.valueOf(serial.incrementAndGet())), new Date());
            } catch (Exception e) {
                throw new IllegalStateException("The time-stamping authority failed", e);
            }
        }
    }
}
