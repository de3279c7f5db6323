package org.medsign.credential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** CSRs as openssl writes them: accepted when they follow the rules, refused with their code otherwise. */
class CsrCheckTest {

    private static String csr(Path dir, String keyArgs, String subject) throws Exception {
        OpenSsl.Result r = OpenSsl.run(dir, ("req -new -newkey " + keyArgs + " -nodes -keyout key.pem -out csr.pem -subj "
                + subject).split(" "));
        assertEquals(0, r.exitCode(), r.output());
        return Files.readString(dir.resolve("csr.pem"));
    }

    private static ErrorCode refusal(String csr) {
        return assertThrows(MedsignException.class, () -> CsrCheck.check(csr, "N0001")).errorCode();
    }

    @Test
    void acceptsAnOpensslP256Request(@TempDir Path dir) throws Exception {
        CheckedCsr checked = CsrCheck.check(csr(dir, "ec -pkeyopt ec_paramgen_curve:P-256", "/CN=N0001"), "N0001");
        assertEquals("EC P-256", checked.keyDescription());
        assertEquals(64, checked.fingerprint().length());
    }

    @Test
    void acceptsRsa2048AndAnEmptySubject(@TempDir Path dir) throws Exception {
        assertEquals("RSA 2048", CsrCheck.check(csr(dir, "rsa:2048", "/"), "N0001").keyDescription());
    }

    @Test
    void refusesWeakKeys(@TempDir Path dir) throws Exception {
        assertEquals(ErrorCode.SIGNING_KEY_REFUSED, refusal(csr(dir, "rsa:1024", "/CN=N0001")));
        assertEquals(ErrorCode.SIGNING_KEY_REFUSED, refusal(csr(dir, "ec -pkeyopt ec_paramgen_curve:P-384", "/CN=N0001")));
    }

    @Test
    void refusesASubjectTheServerDidNotChoose(@TempDir Path dir) throws Exception {
        assertEquals(ErrorCode.CSR_SUBJECT_REFUSED, refusal(csr(dir, "ec -pkeyopt ec_paramgen_curve:P-256", "/CN=D0001")));
        assertEquals(ErrorCode.CSR_SUBJECT_REFUSED,
                refusal(csr(dir, "ec -pkeyopt ec_paramgen_curve:P-256", "/CN=N0001/O=Evil")));
    }

    @Test
    void refusesATamperedOrGarbageRequest(@TempDir Path dir) throws Exception {
        String pem = csr(dir, "ec -pkeyopt ec_paramgen_curve:P-256", "/CN=N0001");
        byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[^-]+-----", ""));
        der[der.length - 5] ^= 0x01;
        assertEquals(ErrorCode.CSR_INVALID, refusal(Base64.getEncoder().encodeToString(der)));
        assertEquals(ErrorCode.CSR_INVALID, refusal("bm90IGEgQ1NS"));
        assertEquals(ErrorCode.CSR_INVALID, refusal(null));
    }
}
