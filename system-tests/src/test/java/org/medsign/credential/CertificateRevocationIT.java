package org.medsign.credential;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 憑證清單: a person revokes their own certificate (a lost phone) after the card ceremony bound to that certificate;
 * a ceremony made for something else does not do it.
 */
@SystemTest
class CertificateRevocationIT {

    @Test
    void aLostPhonesCertificateIsRevokedAfterTheCardCeremonyForIt(MedsignServer server) throws Exception {
        CredentialFixture.Signer lost = CredentialFixture.downloadedSigner(server, "N0002", "遺失的手機");
        String serial = lost.chain()[0].getSerialNumber().toString(16);
        StaffSession nurse = StaffSession.logIn(server, "N0002");
        SoftCard card = new DevHca(server).card("N0002.p12");
        PortalClient client = nurse.client();

        Page list = client.open("portal/certificates.xhtml");
        Page asked = new Page(client.submit(list, "certificates", Map.of(), revokeButton(list, serial)));
        assertEquals(serial, asked.document().getElementById("certificates:revokingSerial").text());

        String otherPurpose = Enrolments.prove(nurse, card, "certificate application");
        Page refused = new Page(client.submit(asked, "certificates", Map.of("certificates:ceremonyId", otherPurpose),
                "certificates:confirmRevoke"));
        assertTrue(refused.text().contains("[MS-"), refused.text());
        assertEquals("已下載", statusOf(client.open("portal/certificates.xhtml"), serial), "a ceremony for another purpose revokes nothing");

        String forThis = Enrolments.prove(nurse, card, "certificate revocation " + serial);
        Page done = new Page(client.submit(refused, "certificates", Map.of("certificates:ceremonyId", forThis),
                "certificates:confirmRevoke"));
        assertTrue(done.text().contains("憑證 " + serial + " 已註銷"), done.text());
        assertEquals("已註銷", statusOf(done, serial));
        assertTrue(rowOf(done, serial).text().contains("KEY_COMPROMISE"), rowOf(done, serial).text());

        if (server.database().postgres()) {
            try (Connection c = server.database().connect(); Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT a.card_certificate, p.card_certificate FROM certificate_application a,"
                         + " card_presence p WHERE a.applicant = 'N0002' AND p.employee_number = 'N0002'"
                         + " ORDER BY a.id DESC, p.started_at DESC LIMIT 1")) {
                assertTrue(rs.next());
                for (int column = 1; column <= 2; column++) {
                    String stored = new String(rs.getBytes(column), StandardCharsets.ISO_8859_1);
                    assertFalse(stored.contains("IDCTW") || stored.contains("B287654321"), "the card certificate (it names the national ID) is sealed");
                }
            }
        }
    }

    private static String revokeButton(Page page, String serial) {
        Element button = rowOf(page, serial).selectFirst("button[id$=':revoke']");
        if (button == null) {
            throw new AssertionError("no revoke button for " + serial);
        }
        return button.id();
    }

    private static String statusOf(Page page, String serial) {
        return rowOf(page, serial).selectFirst(".status-tag").text();
    }

    private static Element rowOf(Page page, String serial) {
        for (Element row : page.document().select("[id='certificates:table'] tbody tr")) {
            if (row.text().contains(serial)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + serial + " in " + page.text());
    }
}
