package org.medsign.card;

import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.StaffSession;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The test server's development HCA: its soft cards in the server's data directory, its CRL at /pki/, and the IT
 * page (IT0001 with the demo password) that issues and revokes cards.
 */
public final class DevHca {

    private static final Pattern ISSUED = Pattern.compile("序號 ([0-9a-f]+)，檔案 (\\S+\\.p12)");

    private final MedsignServer server;

    public DevHca(MedsignServer server) {
        this.server = server;
    }

    public Path directory() {
        return server.logDirectory().getParent().resolve("data/medsign/dev-hca");
    }

    /** A demo soft card (cards/N0001.p12, nobody.p12, N0002-expired.p12, …). */
    public SoftCard card(String file) throws Exception {
        return SoftCard.load(directory().resolve("cards").resolve(file));
    }

    /** Issues a new card through the IT page and returns it as written to the data directory. */
    public SoftCard issue(String holder, boolean withIdentifier, boolean expired) throws Exception {
        PortalClient it = StaffSession.logIn(server, "IT0001").client();
        Page page = it.open("portal/it/dev-hca.xhtml");
        Map<String, String> values = new HashMap<>(Map.of("issue:holder", holder));
        if (withIdentifier) {
            values.put("issue:withIdentifier", "on");
        }
        if (expired) {
            values.put("issue:expired", "on");
        }
        Page result = new Page(it.submit(page, "issue", values, "issue:submit"));
        Matcher issued = ISSUED.matcher(result.text());
        if (!issued.find()) {
            throw new AssertionError("no card issued: " + result.document().select("#messages").text());
        }
        SoftCard card = card(issued.group(2));
        assertEquals(issued.group(1), card.serialHex());
        return card;
    }

    /** Revokes a card through the IT page, which publishes the new CRL at once. */
    public void revoke(SoftCard card) {
        PortalClient it = StaffSession.logIn(server, "IT0001").client();
        Page page = it.open("portal/it/dev-hca.xhtml");
        Page result = new Page(it.submit(page, "revoke", Map.of("revoke:serial", card.serialHex()), "revoke:submit"));
        if (!result.text().contains("已廢止卡片 " + card.serialHex())) {
            throw new AssertionError("not revoked: " + result.document().select("#messages").text());
        }
    }

    /** The card CA's CRL as published at the address in the cards' cRLDistributionPoints. */
    public X509CRL crl() throws Exception {
        HttpResponse<byte[]> response = DevTls.httpClient().send(
                java.net.http.HttpRequest.newBuilder(server.url("pki/hca-dev.crl")).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-crl", response.headers().firstValue("Content-Type").orElse(""));
        return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
    }

    public static BigInteger crlNumber(X509CRL crl) throws Exception {
        return ASN1Integer.getInstance(JcaX509ExtensionUtils.parseExtensionValue(
                crl.getExtensionValue(Extension.cRLNumber.getId()))).getValue();
    }
}
