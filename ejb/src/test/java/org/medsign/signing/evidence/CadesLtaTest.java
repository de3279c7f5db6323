package org.medsign.signing.evidence;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.SignerInformationStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampToken;
import org.bouncycastle.tsp.TimeStampTokenGenerator;
import org.bouncycastle.util.CollectionStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.OpenSsl;
import org.medsign.kernel.crypto.BouncyCastle;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The archive timestamp on an {@code openssl cms -sign -cades} signature with a signature timestamp: the signed part
 * stays byte for byte (Bouncy Castle and openssl still verify it), the token's hash index names every certificate,
 * revocation value and unsigned attribute value as they were, and a renewal indexes the earlier archive timestamp.
 * EU DSS judges the message imprint itself in the system tests ({@code LongTermEvidenceIT}).
 */
class CadesLtaTest {

    private static final byte[] RECORD = "medsign-his-record/1\nid=9\nversion=1\ntype=NURSING\n\n長期保存\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static KeyPair tsaKey;
    private static X509CertificateHolder tsaCertificate;
    private static final AtomicLong serial = new AtomicLong();

    @BeforeAll
    static void tsa() throws Exception {
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(256);
        tsaKey = ec.generateKeyPair();
        X500Name name = new X500Name("CN=Test TSA");
        tsaCertificate = new JcaX509v3CertificateBuilder(name, BigInteger.TWO, Date.from(Instant.now().minusSeconds(60)),
                Date.from(Instant.now().plus(Duration.ofDays(1))), name, tsaKey.getPublic())
                .addExtension(Extension.extendedKeyUsage, true, new ExtendedKeyUsage(KeyPurposeId.id_kp_timeStamping))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(tsaKey.getPrivate()));
        Files.write(dir.resolve("record.bin"), RECORD);
        run("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-days", "2", "-subj",
                "/CN=N0001", "-keyout", "signer.key", "-out", "signer.pem");
        run("cms", "-sign", "-binary", "-cades", "-nosmimecap", "-md", "sha256", "-in", "record.bin", "-signer",
                "signer.pem", "-inkey", "signer.key", "-outform", "DER", "-out", "b.der");
    }

    @Test
    void theSignedPartStaysAndStillVerifies() throws Exception {
        CMSSignedData t = cadesT();
        CMSSignedData lta = CadesLta.withArchiveTimestamp(t, sha256(RECORD), CadesLtaTest::stamp);

        SignerInformation before = t.getSignerInfos().getSigners().iterator().next();
        SignerInformation after = lta.getSignerInfos().getSigners().iterator().next();
        assertArrayEquals(before.getSignature(), after.getSignature());
        assertArrayEquals(before.getEncodedSignedAttributes(), after.getEncodedSignedAttributes());
        X509CertificateHolder signer = t.getCertificates().getMatches(null).iterator().next();
        CMSSignedData withContent = new CMSSignedData(new CMSProcessableByteArray(RECORD), lta.getEncoded());
        assertTrue(withContent.getSignerInfos().getSigners().iterator().next().verify(
                new JcaSimpleSignerInfoVerifierBuilder().setProvider(BouncyCastle.PROVIDER).build(signer)));
        Files.write(dir.resolve("lta.der"), lta.getEncoded());
        OpenSsl.Result verify = OpenSsl.run(dir, "cms", "-verify", "-binary", "-inform", "DER", "-in", "lta.der",
                "-content", "record.bin", "-CAfile", "signer.pem", "-purpose", "any", "-out", "/dev/null");
        assertEquals(0, verify.exitCode(), verify.output());
        assertEquals(1, CadesLta.archiveTimestamps(lta).size());
    }

    @Test
    void theHashIndexNamesEverythingTheSignatureCarried() throws Exception {
        CMSSignedData t = cadesT();
        TimeStampToken archive = CadesLta.archiveTimestamps(
                CadesLta.withArchiveTimestamp(t, sha256(RECORD), CadesLtaTest::stamp)).get(0);

        ASN1Sequence index = index(archive);
        assertEquals(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), AlgorithmIdentifier.getInstance(index.getObjectAt(0)),
                "SHA-256, named (EN 319 122-1 Annex D)");
        Set<String> certificates = new java.util.HashSet<>();
        for (X509CertificateHolder c : t.getCertificates().getMatches(null)) {
            certificates.add(hex(sha256(c.getEncoded())));
        }
        assertEquals(certificates, hexes(index.getObjectAt(1)));
        assertEquals(Set.of(), hexes(index.getObjectAt(2)), "no revocation values yet");
        Attribute timestamp = t.getSignerInfos().getSigners().iterator().next().getUnsignedAttributes()
                .get(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken);
        assertEquals(Set.of(hex(sha256(concat(timestamp.getAttrType().getEncoded(ASN1Encoding.DER),
                timestamp.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER))))),
                hexes(index.getObjectAt(3)), "the signature timestamp, as type and value");
        assertNotEquals(hex(sha256(RECORD)), hex(archive.getTimeStampInfo().getMessageImprintDigest()),
                "the archive timestamp covers more than the content");
    }

    @Test
    void aRenewalIndexesTheEarlierArchiveTimestamp() throws Exception {
        CMSSignedData once = CadesLta.withArchiveTimestamp(cadesT(), sha256(RECORD), CadesLtaTest::stamp);
        CMSSignedData twice = CadesLta.withArchiveTimestamp(once, sha256(RECORD), CadesLtaTest::stamp);

        List<TimeStampToken> archives = CadesLta.archiveTimestamps(twice);
        assertEquals(2, archives.size());
        Set<String> newest = hexes(index(archives.stream()
                .max(java.util.Comparator.comparing(a -> a.getTimeStampInfo().getSerialNumber())).orElseThrow()).getObjectAt(3));
        assertEquals(2, newest.size(), "the signature timestamp and the first archive timestamp");
        Attribute first = once.getSignerInfos().getSigners().iterator().next().getUnsignedAttributes()
                .get(CadesLta.ARCHIVE_TIMESTAMP_V3);
        assertTrue(newest.contains(hex(sha256(concat(first.getAttrType().getEncoded(ASN1Encoding.DER),
                first.getAttrValues().getObjectAt(0).toASN1Primitive().getEncoded(ASN1Encoding.DER))))));
    }

    @Test
    void theCheckRecomputesEachArchiveTimestampAndFindsWhatWasRemoved() throws Exception {
        java.security.cert.X509Certificate tsa = new org.bouncycastle.cert.jcajce.JcaX509CertificateConverter()
                .getCertificate(tsaCertificate);
        // the test TSA is self-signed: it stands for the issuing CA too
        org.medsign.credential.CaCertificates ca = new org.medsign.credential.CaCertificates(tsa, tsa, tsa, tsa);
        CMSSignedData twice = CadesLta.withArchiveTimestamp(CadesLta.withArchiveTimestamp(cadesT(), sha256(RECORD),
                CadesLtaTest::stamp), sha256(RECORD), CadesLtaTest::stamp);
        List<TimeStampToken> archives = CadesLta.archiveTimestamps(twice);
        String content = hex(sha256(RECORD));
        assertEquals(null, ArchiveTimestampCheck.firstFailure(twice, archives, content, ca));

        String other = hex(sha256("another record".getBytes(StandardCharsets.UTF_8)));
        assertTrue(ArchiveTimestampCheck.firstFailure(twice, archives, other, ca).endsWith("covers other data"));
        CMSSignedData stripped = CMSSignedData.replaceCertificatesAndCRLs(twice, new CollectionStore<>(List.of()), null,
                new CollectionStore<>(List.of()));
        assertTrue(ArchiveTimestampCheck.firstFailure(stripped, archives, content, ca)
                .endsWith("names evidence that is no longer in the signature"));
    }

    /** openssl's CAdES-B with a signature timestamp over its signature value. */
    private static CMSSignedData cadesT() throws Exception {
        CMSSignedData b = new CMSSignedData(Files.readAllBytes(dir.resolve("b.der")));
        SignerInformation signer = b.getSignerInfos().getSigners().iterator().next();
        TimeStampToken token = stamp(signer.getSignature());
        AttributeTable unsigned = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signatureTimeStampToken,
                new org.bouncycastle.asn1.DERSet(token.toCMSSignedData().toASN1Structure())));
        return CMSSignedData.replaceSigners(b, new SignerInformationStore(SignerInformation.replaceUnsignedAttributes(signer, unsigned)));
    }

    private static TimeStampToken stamp(byte[] data) {
        try {
            TimeStampTokenGenerator generator = new TimeStampTokenGenerator(new JcaSignerInfoGeneratorBuilder(
                    new JcaDigestCalculatorProviderBuilder().build()).build(
                    new JcaContentSignerBuilder("SHA256withECDSA").build(tsaKey.getPrivate()), tsaCertificate),
                    new JcaDigestCalculatorProviderBuilder().build().get(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256)),
                    new org.bouncycastle.asn1.ASN1ObjectIdentifier("1.2.3.4"));
            generator.addCertificates(new CollectionStore<>(List.of(tsaCertificate)));
            TimeStampRequestGenerator requests = new TimeStampRequestGenerator();
            requests.setCertReq(true);
            return generator.generate(requests.generate(TSPAlgorithms.SHA256, sha256(data)),
                    BigInteger.valueOf(serial.incrementAndGet()), new Date());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static ASN1Sequence index(TimeStampToken archive) {
        Attribute index = archive.getUnsignedAttributes().get(CadesLta.ATS_HASH_INDEX_V3);
        return ASN1Sequence.getInstance(index.getAttrValues().getObjectAt(0));
    }

    private static Set<String> hexes(ASN1Encodable sequence) {
        List<String> all = new ArrayList<>();
        for (ASN1Encodable e : ASN1Sequence.getInstance(sequence)) {
            all.add(hex(ASN1OctetString.getInstance(e).getOctets()));
        }
        return all.stream().collect(Collectors.toSet());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private static void run(String... arguments) throws Exception {
        OpenSsl.Result r = OpenSsl.run(dir, arguments);
        assertEquals(0, r.exitCode(), r.output());
    }
}
