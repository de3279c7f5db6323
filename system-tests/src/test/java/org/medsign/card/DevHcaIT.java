package org.medsign.card;

import org.junit.jupiter.api.Test;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509CRL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The development HCA as a relying party sees it: a DER CRL with a growing number at the address in the cards'
 * cRLDistributionPoints, certificates and CRLs that OpenSSL verifies, and revocation that really publishes.
 */
@SystemTest
class DevHcaIT {

    @Test
    void theCrlIsPublishedWhereTheCardsSayAndOpensslAgrees(MedsignServer server) throws Exception {
        DevHca hca = new DevHca(server);
        X509CRL crl = hca.crl();
        SoftCard revoked = hca.card("N0003-revoked.p12");
        SoftCard good = hca.card("N0001.p12");
        assertNotNull(crl.getRevokedCertificate(revoked.certificate()));
        assertNull(crl.getRevokedCertificate(good.certificate()));
        assertTrue(DevHca.crlNumber(crl).signum() > 0);
        assertEquals(good.certificate().getIssuerX500Principal(), crl.getIssuerX500Principal());
        crl.verify(good.chain().get(1).getPublicKey());

        Path dir = Files.createTempDirectory("dev-hca-openssl");
        Path root = Files.writeString(dir.resolve("root.pem"), SoftCard.pem(good.chain().get(2).getEncoded()));
        Path ca = Files.writeString(dir.resolve("ca.pem"), SoftCard.pem(good.chain().get(1).getEncoded()));
        Path crlDer = Files.write(dir.resolve("card.crl"), crl.getEncoded());
        Path crlPem = dir.resolve("card-crl.pem");
        Tools.run("openssl", "crl", "-inform", "DER", "-in", crlDer.toString(), "-out", crlPem.toString());
        Path rootCrl = Files.write(dir.resolve("root.crl"), DevTls.httpClient().send(
                java.net.http.HttpRequest.newBuilder(server.url("pki/hca-dev-root.crl")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray()).body());
        Path rootCrlPem = dir.resolve("root-crl.pem");
        Tools.run("openssl", "crl", "-inform", "DER", "-in", rootCrl.toString(), "-out", rootCrlPem.toString());
        Path crls = Files.writeString(dir.resolve("crls.pem"), Files.readString(crlPem) + Files.readString(rootCrlPem));
        Path goodPem = Files.writeString(dir.resolve("good.pem"), good.chainPem().get(0));
        Path revokedPem = Files.writeString(dir.resolve("revoked.pem"), revoked.chainPem().get(0));
        List<String> verify = List.of("openssl", "verify", "-crl_check_all", "-CAfile", root.toString(),
                "-untrusted", ca.toString(), "-CRLfile", crls.toString());
        assertTrue(Tools.run(concat(verify, goodPem.toString())).contains(": OK"));
        Tools.Result result = runResult(concat(verify, revokedPem.toString()));
        assertTrue(result.exitCode() != 0 && (result.output() + result.errors()).contains("certificate revoked"),
                result.output() + result.errors());
    }

    @Test
    void revokingACardPublishesANewCrlAndTheServerRefusesTheCardAtOnce(MedsignServer server) throws Exception {
        DevHca hca = new DevHca(server);
        SoftCard card = hca.issue("N0002", true, false);
        CardHttp http = new CardHttp("127.0.0.4");
        assertEquals(200, http.logIn(card).status(), "the new card works");
        BigInteger before = DevHca.crlNumber(hca.crl());

        hca.revoke(card);
        X509CRL crl = hca.crl();
        assertNotNull(crl.getRevokedCertificate(card.certificate()), "the published CRL lists the card");
        assertTrue(DevHca.crlNumber(crl).compareTo(before) > 0, "with a higher CRL number");
        CardHttp.Reply refused = new CardHttp("127.0.0.4").logIn(card);
        assertEquals("MS-2008", refused.code(), refused.body());
    }

    @Test
    void anExpiredCardIssuedOnTheItPageIsRefusedAsExpired(MedsignServer server) throws Exception {
        SoftCard expired = new DevHca(server).issue("N0001", true, true);
        CardHttp.Reply refused = new CardHttp("127.0.0.4").logIn(expired);
        assertEquals("MS-2007", refused.code(), refused.body());
    }

    private static String[] concat(List<String> command, String last) {
        String[] all = command.toArray(new String[command.size() + 1]);
        all[command.size()] = last;
        return all;
    }

    private static Tools.Result runResult(String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes());
        String err = new String(process.getErrorStream().readAllBytes());
        process.waitFor();
        return new Tools.Result(process.exitValue(), out, err);
    }
}
