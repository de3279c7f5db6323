package org.medsign.credential;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.CRLReason;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.medsign.error.MedsignException;
import org.medsign.kernel.crypto.BouncyCastle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The checks before medsign keeps a CRL the offline root signed on its own, and which CA generations it revokes. */
class RootCrlImportTest {

    private static final Instant NOW = Instant.parse("2026-12-06T00:00:00Z");

    private final KeyPair rootKey = key();
    private final X509Certificate root = certificate("CN=Root", rootKey, "CN=Root", rootKey, 1);
    private final KeyPair firstKey = key();
    private final X509Certificate first = certificate("CN=CA", firstKey, "CN=Root", rootKey, 2);
    private final KeyPair secondKey = key();
    private final X509Certificate second = certificate("CN=CA G2", secondKey, "CN=Root", rootKey, 3);
    private final CaCertificates ca = new CaCertificates(root, second, second, second,
            List.of(new CaGeneration(1, first, first)));

    @Test
    void aRootCrlThatRevokesARetiredCaNamesItsGenerationOnce() throws Exception {
        byte[] revoking = crl(rootKey, NOW, first.getSerialNumber());

        List<RootCrlImport.RevokedGeneration> revoked = RootCrlImport.read(pem(revoking)).check(ca,
                Optional.of(crl(rootKey, NOW.minusSeconds(3600))));

        assertEquals(1, revoked.size());
        assertEquals(1, revoked.get(0).generation().number());
        assertEquals(NOW.minusSeconds(60), revoked.get(0).revokedAt());
        byte[] again = crl(rootKey, NOW.plusSeconds(3600), first.getSerialNumber());
        assertEquals(List.of(), RootCrlImport.read(again).check(ca, Optional.of(revoking)),
                "a later CRL that repeats the revocation revokes nothing new");
    }

    @Test
    void aCrlNotFromTheRootOlderThanTheKeptOneOrRevokingTheCurrentCaIsRefused() throws Exception {
        byte[] kept = crl(rootKey, NOW);
        assertCode("MS-4023", () -> RootCrlImport.read("not a CRL".getBytes(StandardCharsets.US_ASCII)));
        assertCode("MS-4023", () -> RootCrlImport.read(new byte[0]));
        assertCode("MS-4023", () -> RootCrlImport.read(crl(key(), NOW.plusSeconds(60))).check(ca, Optional.of(kept)));
        assertCode("MS-4024", () -> RootCrlImport.read(crl(rootKey, NOW)).check(ca, Optional.of(kept)));
        assertCode("MS-4024", () -> RootCrlImport.read(crl(rootKey, NOW.minusSeconds(60))).check(ca, Optional.of(kept)));
        assertCode("MS-4025", () -> RootCrlImport.read(crl(rootKey, NOW.plusSeconds(60), second.getSerialNumber()))
                .check(ca, Optional.of(kept)));
        assertEquals(List.of(), RootCrlImport.read(crl(rootKey, NOW.plusSeconds(60))).check(ca, Optional.empty()));
    }

    private static void assertCode(String code, org.junit.jupiter.api.function.Executable action) {
        assertEquals(code, assertThrows(MedsignException.class, action).errorCode().code());
    }

    /** A root CRL numbered by its thisUpdate, as the offline root signs it, revoking {@code serials} a minute ago. */
    private static byte[] crl(KeyPair signer, Instant thisUpdate, BigInteger... serials) throws Exception {
        X509v2CRLBuilder builder = new X509v2CRLBuilder(new X500Name("CN=Root"), Date.from(thisUpdate));
        builder.setNextUpdate(Date.from(thisUpdate.plus(Duration.ofDays(365))));
        builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(thisUpdate.getEpochSecond())));
        for (BigInteger serial : serials) {
            builder.addCRLEntry(serial, Date.from(NOW.minusSeconds(60)), CRLReason.keyCompromise);
        }
        return builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())).getEncoded();
    }

    private static byte[] pem(byte[] der) {
        return ("-----BEGIN X509 CRL-----\n" + Base64.getMimeEncoder().encodeToString(der) + "\n-----END X509 CRL-----\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static X509Certificate certificate(String subject, KeyPair subjectKey, String issuer, KeyPair issuerKey,
                                               long serial) {
        try {
            var builder = new JcaX509v3CertificateBuilder(new X500Name(issuer), BigInteger.valueOf(serial),
                    Date.from(NOW.minus(Duration.ofDays(1))), Date.from(NOW.plus(Duration.ofDays(3650))),
                    new X500Name(subject), subjectKey.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            return new JcaX509CertificateConverter().setProvider(BouncyCastle.PROVIDER).getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKey.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair key() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
