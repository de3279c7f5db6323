package org.medsign.jobs;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.medsign.credential.CredentialFixture;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.TestMail;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The credential-upkeep job started from IT's 批次作業 page: 已過期 written at notAfter, one mail per reminder stage,
 * dead tickets purged and live ones kept, the CRL republished when it nears its nextUpdate and not otherwise.
 */
@SystemTest
class CredentialUpkeepIT {

    private static final Duration RUN = Duration.ofMinutes(3);
    private static final String MAIL = "n0002@hospital.example";

    @Test
    void expiresRemindsPurgesAndKeepsTheCrlFresh(MedsignServer server) throws Exception {
        assumeTrue(server.database().postgres(), "direct SQL checks need PostgreSQL");
        String ending = serial(CredentialFixture.downloadedSigner(server, "N0002", "到期測試一"));
        String expiring = serial(CredentialFixture.downloadedSigner(server, "N0002", "到期測試二"));
        sql(server, "UPDATE certificate SET not_after = now() - interval '1 hour' WHERE serial = ?", ending);
        sql(server, "UPDATE certificate SET not_after = now() + interval '20 days' WHERE serial = ?", expiring);

        StaffSession staff = StaffSession.logIn(server, "N0002");
        staff.bindingTicket("過期票");
        BatchPage batch = new BatchPage(server);
        long deadTicket = batch.scalar("SELECT MAX(id) FROM binding_ticket WHERE owner = 'N0002'");
        sql(server, "UPDATE binding_ticket SET expires_at = now() - interval '2 days' WHERE id = ?", deadTicket);
        staff.bindingTicket("有效票");
        long liveTicket = batch.scalar("SELECT MAX(id) FROM binding_ticket WHERE owner = 'N0002'");
        sql(server, "UPDATE enrolment_ticket SET expires_at = now() - interval '2 days' WHERE owner = ?", "N0002");
        HttpResponse<byte[]> published = DevTls.httpClient().send(HttpRequest.newBuilder(
                server.url("pki/mobile/ca.crl")).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, published.statusCode(), "a CRL is published on first request");
        long crl = batch.scalar("SELECT MAX(crl_number) FROM crl_publication");
        sql(server, "UPDATE crl_publication SET next_update = now() + interval '1 minute' WHERE crl_number = ?", crl);

        BatchPage.Run run = run(batch);
        assertEquals("COMPLETED", run.status());
        assertEquals("EXPIRED", text(batch, "SELECT status FROM certificate WHERE serial = '" + ending + "'"));
        assertEquals("DOWNLOADED", text(batch, "SELECT status FROM certificate WHERE serial = '" + expiring + "'"));
        List<MimeMessage> mails = TestMail.to(MAIL, Duration.ofSeconds(20));
        assertEquals(1, mails.size(), "one reminder: the 30-day stage");
        assertTrue(mails.get(0).getSubject().contains("30 天內到期"), mails.get(0).getSubject());
        assertTrue(((String) mails.get(0).getContent()).contains(expiring));
        assertEquals(0, batch.scalar("SELECT COUNT(*) FROM binding_ticket WHERE id = " + deadTicket), "dead ticket purged");
        assertEquals(1, batch.scalar("SELECT COUNT(*) FROM binding_ticket WHERE id = " + liveTicket), "live ticket kept");
        assertEquals(0, batch.scalar("SELECT COUNT(*) FROM enrolment_ticket WHERE owner = 'N0002'"));
        long republished = batch.scalar("SELECT MAX(crl_number) FROM crl_publication");
        assertTrue(republished > crl, "CRL " + crl + " near its nextUpdate was republished: " + republished);

        BatchPage.Run again = run(batch);
        assertEquals("COMPLETED", again.status());
        assertEquals(1, TestMail.to(MAIL, Duration.ofSeconds(2)).size(), "a stage is mailed once");
        assertEquals(republished, batch.scalar("SELECT MAX(crl_number) FROM crl_publication"), "a fresh CRL stays");

        sql(server, "UPDATE certificate SET not_after = now() + interval '3 days' WHERE serial = ?", expiring);
        run(batch);
        List<MimeMessage> later = TestMail.to(MAIL, Duration.ofSeconds(20));
        assertEquals(2, later.size(), "then the 7-day stage");
        assertTrue(later.get(1).getSubject().contains("7 天內到期"), later.get(1).getSubject());
        assertTrue(batch.open().text().contains("credential-upkeep"));
    }

    private static BatchPage.Run run(BatchPage batch) throws Exception {
        batch.awaitIdle();
        BatchPage.Run before = batch.last("credential-upkeep");
        batch.press("startUpkeep");
        return batch.awaitEnd("credential-upkeep", before == null ? 0 : before.executionId(), RUN);
    }

    private static String serial(CredentialFixture.Signer signer) {
        return signer.chain()[0].getSerialNumber().toString(16);
    }

    private static void sql(MedsignServer server, String sql, Object value) throws Exception {
        try (Connection c = server.database().connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, value);
            assertEquals(1, ps.executeUpdate() > 0 ? 1 : 0, sql);
        }
    }

    private static String text(BatchPage batch, String sql) throws Exception {
        try (Connection c = batch.connection(); var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
