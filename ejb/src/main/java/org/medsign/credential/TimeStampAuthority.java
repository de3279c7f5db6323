package org.medsign.credential;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

import java.math.BigInteger;
import java.security.MessageDigest;
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

    private final AtomicLong serial = new AtomicLong(System.currentTimeMillis() * 1000);

    @Inject
    CertificateAuthority ca;

    public TimeStampToken stamp(byte[] data) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(data);
            CaKeys keys = ca.keys();
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(
                    new JcaSimpleSignerInfoGeneratorBuilder().setProvider(keys.signer())
                            .build(Pki.SIGNATURE_ALGORITHM, keys.tsaKey(), keys.tsa()),
                    new org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder().setProvider(Pki.BC).build()
                            .get(new org.bouncycastle.asn1.x509.AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    POLICY);
            generator.addCertificates(new JcaCertStore(List.of(keys.tsa())));
            TimeStampRequestGenerator request = new TimeStampRequestGenerator();
            request.setCertReq(true);
            return new TimeStampResponseGenerator(generator, TSPAlgorithms.ALLOWED)
                    .generate(request.generate(TSPAlgorithms.SHA256, digest), BigInteger.valueOf(serial.incrementAndGet()),
                            new Date())
                    .getTimeStampToken();
        } catch (Exception e) {
            throw new IllegalStateException("The time-stamping authority failed", e);
        }
    }
}
