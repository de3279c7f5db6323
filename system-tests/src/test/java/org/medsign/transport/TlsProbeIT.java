package org.medsign.transport;

import org.junit.jupiter.api.Test;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The running server's TLS as an outside client probes it, with OpenSSL 3's s_client: only TLS 1.3 and 1.2, only
 * forward-secret AEAD suites, and a certificate for localhost that chains to the development TLS CA. The refused
 * cases lower OpenSSL's own security level, so that the refusal is the server's and not the client's.
 */
@SystemTest
class TlsProbeIT {

    private static Tools.Result probe(String... options) {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + MedsignServer.HTTPS_PORT,
                "-servername", "localhost", "-CAfile", DevTls.caPem().toString(), "-verify_return_error",
                "-verify_hostname", "localhost"));
        command.addAll(List.of(options));
        return Tools.runResult(command.toArray(String[]::new));
    }

    private static void accepted(Tools.Result result, String protocol, String cipher) {
        String all = result.output() + result.errors();
        assertEquals(0, result.exitCode(), all);
        assertTrue(all.contains("New, " + protocol + ", Cipher is " + cipher), all);
        assertTrue(all.contains("Verify return code: 0 (ok)"), all);
    }

    private static void refused(Tools.Result result) {
        String all = result.output() + result.errors();
        assertNotEquals(0, result.exitCode(), all);
        assertTrue(all.contains("Cipher is (NONE)"), all);
        assertTrue(all.contains("alert protocol version") || all.contains("alert handshake failure"), all);
    }

    @Test
    void tls13IsAcceptedAndTheCertificateChainsToTheDevelopmentCa(MedsignServer server) {
        Tools.Result result = probe("-tls1_3");
        accepted(result, "TLSv1.3", "TLS_AES_");
        assertTrue(result.output().contains("Server certificate"), result.output());
        assertTrue(result.output().contains("i:O = medsign development, CN = medsign development TLS CA"), result.output());
    }

    @Test
    void tls13WithChaCha20IsAccepted(MedsignServer server) {
        accepted(probe("-tls1_3", "-ciphersuites", "TLS_CHACHA20_POLY1305_SHA256"), "TLSv1.3", "TLS_CHACHA20_POLY1305_SHA256");
    }

    @Test
    void tls12WithEcdheAesGcmIsAccepted(MedsignServer server) {
        accepted(probe("-tls1_2", "-cipher", "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256"),
                "TLSv1.2", "ECDHE-ECDSA-AES128-GCM-SHA256");
    }

    @Test
    void tls10AndTls11AreRefused(MedsignServer server) {
        refused(probe("-tls1", "-cipher", "DEFAULT@SECLEVEL=0"));
        refused(probe("-tls1_1", "-cipher", "DEFAULT@SECLEVEL=0"));
    }

    @Test
    void weakTls12SuitesAreRefused(MedsignServer server) {
        // RSA key exchange (no forward secrecy), CBC even with ECDHE, and no encryption at all. Debian's OpenSSL 3 has no
        // 3DES or RC4 left to offer; the server's list names neither.
        for (String suite : List.of("AES128-SHA", "AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-ECDSA-AES128-SHA256",
                "ECDHE-ECDSA-AES256-SHA384", "ECDHE-ECDSA-NULL-SHA")) {
            refused(probe("-tls1_2", "-cipher", suite + "@SECLEVEL=0"));
        }
    }

    @Test
    void aClientThatDoesNotTrustTheDevelopmentCaFailsVerification(MedsignServer server) {
        // Proves that the accepted probes' verification is real: the JDK's authorities do not vouch for the server.
        Tools.Result result = Tools.runResult("openssl", "s_client", "-connect", "127.0.0.1:" + MedsignServer.HTTPS_PORT,
                "-servername", "localhost", "-tls1_3", "-verify_return_error", "-CAfile",
                "/etc/ssl/certs/ca-certificates.crt");
        assertNotEquals(0, result.exitCode(), result.output());
    }
}
