package org.medsign.signing.batch;

import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.credential.OpenSsl;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;
import org.medsign.signing.evidence.SignatureValue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An item's CMS as {@code openssl cms -sign -cades} makes it: accepted when it follows the rules, else refused with its code. */
class CmsCheckTest {

    private static final byte[] RECORD = "medsign-his-record/1\nid=7\nversion=2\ntype=NURSING\n\n護理紀錄內容\n"
            .getBytes(StandardCharsets.UTF_8);

    @TempDir
    static Path dir;

    private static CmsCheck.SignerKey ec;
    private static CmsCheck.SignerKey rsa;

    @BeforeAll
    static void keys() throws Exception {
        ec = CmsCheck.SignerKey.of(certificate("ec", "ec -pkeyopt ec_paramgen_curve:P-256"));
        rsa = CmsCheck.SignerKey.of(certificate("rsa", "rsa:2048"));
        Files.write(dir.resolve("record.bin"), RECORD);
        Files.write(dir.resolve("other.bin"), "other bytes".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsEcdsaWithSha256() throws Exception {
        Instant now = Instant.now();
        Instant signed = verify(cms("ec", "record.bin"), ec, now);
        assertTrue(Duration.between(signed, now).abs().compareTo(Duration.ofMinutes(2)) < 0, signed.toString());
    }

    @Test
    void acceptsRsaPkcs1WithSha256() throws Exception {
        verify(cms("rsa", "record.bin"), rsa, Instant.now());
    }

    @Test
    void acceptsRsassaPssWithSha256FromAnRsaCertificate() throws Exception {
        byte[] cms = cms("rsa", "record.bin", "-keyopt", "rsa_padding_mode:pss");
        SignerInformation signer = CmsCheck.parse(cms).signer();
        assertEquals("1.2.840.113549.1.1.10", signer.getEncryptionAlgOID(), "openssl made RSASSA-PSS");
        assertTrue(SignatureValue.verifies(signer, rsa.publicKey()));
        verify(cms, rsa, Instant.now());
    }

    @Test
    void refusesPssWithAWeakHash() throws Exception {
        assertEquals("algorithm", refusedParsing(cms("rsa", "record.bin", "-keyopt", "rsa_padding_mode:pss",
                "-keyopt", "rsa_mgf1_md:sha1"), ErrorCode.CMS_INVALID));
        assertEquals("algorithm", refusedParsing(cms("rsa", "record.bin", "-md", "sha1", "-keyopt",
                "rsa_padding_mode:pss"), ErrorCode.CMS_INVALID));
        assertEquals("algorithm", refusedParsing(cms("ec", "record.bin", "-md", "sha1"), ErrorCode.CMS_INVALID));
    }

    @Test
    void aSignatureOverOtherContentIsNotAChangedRecord() throws Exception {
        byte[] other = cms("ec", "other.bin");
        assertEquals(ErrorCode.SIGNED_CONTENT_MISMATCH, refused(other, sha256Hex(RECORD), ec, Instant.now()));
        // the listed digest was signed, but the record's bytes are no longer those: the record changed
        assertEquals(ErrorCode.RECORD_CHANGED, refused(other, sha256Hex("other bytes".getBytes(StandardCharsets.UTF_8)),
                ec, Instant.now()));
    }

    @Test
    void tellsAMismatchByTheListedDigest() {
        byte[] claimed = {1, 2, 3};
        assertEquals(ErrorCode.RECORD_CHANGED, CmsCheck.contentMismatch(claimed, "010203"));
        assertEquals(ErrorCode.RECORD_CHANGED, CmsCheck.contentMismatch(claimed, "010203".toUpperCase()));
        assertEquals(ErrorCode.SIGNED_CONTENT_MISMATCH, CmsCheck.contentMismatch(claimed, "010204"));
        assertEquals(ErrorCode.SIGNED_CONTENT_MISMATCH, CmsCheck.contentMismatch(claimed, null));
    }

    @Test
    void refusesAttachedContentAndGarbage() throws Exception {
        assertEquals("attached content", refusedParsing(cms("ec", "record.bin", "-nodetach"), ErrorCode.CMS_INVALID));
        assertEquals("encoding", refusedParsing("not a CMS".getBytes(StandardCharsets.UTF_8), ErrorCode.CMS_INVALID));
    }

    @Test
    void refusesASigningTimeTooOldOrInTheFuture() throws Exception {
        byte[] cms = cms("ec", "record.bin");
        assertEquals(ErrorCode.SIGNING_TIME_INVALID, refused(cms, null, ec, Instant.now().plus(Duration.ofHours(25))));
        assertEquals(ErrorCode.SIGNING_TIME_INVALID, refused(cms, null, ec, Instant.now().minus(Duration.ofMinutes(10))));
    }

    @Test
    void refusesASignatureNamingAnotherCertificateOrMadeByAnotherKey() throws Exception {
        byte[] cms = cms("ec", "record.bin");
        assertEquals(ErrorCode.CMS_INVALID, refused(cms, null, rsa, Instant.now()), "signingCertificateV2 names ec");
        CmsCheck.SignerKey wrongKey = new CmsCheck.SignerKey(ec.certificate(), ec.certificateHash(), rsa.publicKey());
        assertEquals(ErrorCode.SIGNATURE_INVALID, refused(cms, null, wrongKey, Instant.now()));
        assertFalse(SignatureValue.verifies(CmsCheck.parse(cms("rsa", "record.bin")).signer(),
                CmsCheck.SignerKey.of(certificate("rsa2", "rsa:2048")).publicKey()));
    }

    private static Instant verify(byte[] cms, CmsCheck.SignerKey key, Instant now) {
        CmsCheck.Parsed parsed = CmsCheck.parse(cms);
        return CmsCheck.verify(parsed.signer(), sha256(RECORD), sha256Hex(RECORD), key, now);
    }

    private static ErrorCode refused(byte[] cms, String listedDigest, CmsCheck.SignerKey key, Instant now) {
        SignerInformation signer = CmsCheck.parse(cms).signer();
        return assertThrows(MedsignException.class, () -> CmsCheck.verify(signer, sha256(RECORD), listedDigest, key, now))
                .errorCode();
    }

    /** The refusal's detail (MS-5009's argument) after checking its code. */
    private static String refusedParsing(byte[] cms, ErrorCode code) {
        MedsignException e = assertThrows(MedsignException.class, () -> CmsCheck.parse(cms));
        assertEquals(code, e.errorCode());
        return String.valueOf(e.arguments()[0]);
    }

    private static X509Certificate certificate(String name, String keyArgs) throws Exception {
        run("req -x509 -newkey " + keyArgs + " -nodes -days 2 -subj /CN=N0001 -keyout " + name + ".key -out "
                + name + ".pem");
        try (InputStream in = Files.newInputStream(dir.resolve(name + ".pem"))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    /** Detached CAdES-B over a file, as a phone would send it: SHA-256 unless the options say otherwise. */
    private static byte[] cms(String signer, String content, String... options) throws Exception {
        String out = signer + "-" + System.nanoTime() + ".der";
        List<String> args = new ArrayList<>(List.of("cms", "-sign", "-binary", "-cades", "-nosmimecap", "-md", "sha256",
                "-in", content, "-signer", signer + ".pem", "-inkey", signer + ".key", "-outform", "DER", "-out", out));
        if (List.of(options).contains("-md")) {
            int md = args.indexOf("-md");
            args.remove(md);
            args.remove(md);
        }
        args.addAll(List.of(options));
        run(args.toArray(String[]::new));
        return Files.readAllBytes(dir.resolve(out));
    }

    private static void run(String command) throws Exception {
        run(command.split(" "));
    }

    private static void run(String... arguments) throws Exception {
        OpenSsl.Result r = OpenSsl.run(dir, arguments);
        assertEquals(0, r.exitCode(), r.output());
    }

    private static String sha256Hex(byte[] bytes) {
        return HexFormat.of().formatHex(sha256(bytes));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
