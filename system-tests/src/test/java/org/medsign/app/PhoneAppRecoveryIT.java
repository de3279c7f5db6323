package org.medsign.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.credential.Enrolments;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app when things go wrong on the way, in Chromium emulating a phone: the app dies after the server set the
 * signing PIN but before the wrapped key was stored, and on its next start says MS-4013 and leads to a new application
 * (忘記PIN碼's flow); it dies again as its certificate is issued, before any PIN, and says MS-4014; the third application downloads
 * and signs; after a Portal password change (M27) its next call is refused
 * with MS-1012, it opens 登入 with the code's words, and once logged in with the new password it carries on signing.
 * D0001's password is changed and changed back. Screenshots: app-recovery, app-relogin.
 */
@SystemTest
class PhoneAppRecoveryIT {

    static final String FIRST_PIN = "482916";
    static final String NEW_PIN = "604817";
    static final String NEW_PASSWORD = "Medsign#2026-new1";

    @TempDir
    Path temp;

    @Test
    void anAppThatDiedWhileEnrollingAppliesAgainAndLogsInAgainAfterAPasswordChange(MedsignServer server) throws Exception {
        StaffSession portal = StaffSession.logIn(server, PhoneAppIT.DOCTOR);
        String deviceName = "rec" + (System.currentTimeMillis() % 100000);
        StaffSession.BindingTicket ticket = portal.bindingTicket(deviceName);
        SoftCard card = new DevHca(server).card(PhoneAppIT.DOCTOR + ".p12");
        Path phone = temp.resolve("phone");

        try (PhoneApp app = new PhoneApp(server, phone, null)) {
            app.go("bind");
            app.type("bindLink", ticket.uri());
            app.type("bindCode", ticket.code());
            app.tap("bindSubmit");
            app.awaitText("bindDone", "裝置綁定成功");
            logIn(app, StaffSession.DEMO_PASSWORD);

            // M15–M16: the application is issued, the PIN reaches the server, and the app dies before storing the key.
            Enrolments.Ticket first = Enrolments.apply(portal, deviceName, card);
            app.go("enrol");
            enrol(app, first, FIRST_PIN);
            app.dieOnceAnswered("/pin");
            app.tap("enrolSubmit");
            assertEquals(201, app.answerNeverRead());
        }

        try (PhoneApp app = new PhoneApp(server, phone, null)) {
            // Opened again: it cannot finish (the key was only in memory), so it says so with the code.
            app.awaitText("errorCode", "MS-4013");
            assertTrue(app.text("errorNote").contains("簽章金鑰只存在當時的記憶體中"), app.text("errorNote"));
            assertTrue(app.text("errorAction").contains("重新申請憑證"), app.text("errorAction"));
            app.screenshot("recovery");

            // 忘記PIN碼's flow: a new application; this time the app dies as its certificate is issued, before any PIN.
            app.tap("errorForgot");
            app.tap("forgotApply");
            enrol(app, Enrolments.apply(portal, deviceName, card), FIRST_PIN);
            app.dieOnceAnswered("/enrolments");
            app.tap("enrolSubmit");
            assertEquals(201, app.answerNeverRead());
        }

        try (PhoneApp app = new PhoneApp(server, phone, null)) {
            // MS-4014: no PIN protection was set for that certificate; the way on is the same.
            app.awaitText("errorCode", "MS-4014");
            assertTrue(app.text("errorWords").contains("申請未完成"), app.text("errorWords"));
            assertTrue(app.text("errorNote").contains("請重新申請憑證"), app.text("errorNote"));

            // and a third application, scanned by the app with a new PIN, finishes and downloads.
            app.tap("errorForgot");
            app.tap("forgotApply");
            Enrolments.Ticket third = Enrolments.apply(portal, deviceName, card);
            enrol(app, third, NEW_PIN);
            app.tap("enrolSubmit");
            app.awaitText("enrolDone", "憑證申請成功");
            app.go("download");
            app.type("downloadPin", NEW_PIN);
            app.tap("downloadSubmit");
            app.awaitText("downloadDone", "憑證下載完成");

            app.onHospitalWifi("10.8.0.32");
            app.go("eportal");
            app.tap("eportalSubmit");
            app.awaitText("eportalDone", "裝置綁定員工編號完成");
            PhoneAppIT.onlyFreshRecords(server, 2);
            long overdue = HisRecords.add(server, PhoneAppIT.DOCTOR, 1, 30);
            app.refreshAndSelectAll();
            assertEquals(3, app.pending().size(), app.text("pendingList"));

            // M27: the Portal password changes; the app's next call is refused, and it asks for the new one.
            changePassword(server, StaffSession.DEMO_PASSWORD, NEW_PASSWORD);
            try {
                app.tap("refresh");
                app.awaitText("loginNoticeCode", "MS-1012");
                assertTrue(app.text("loginNoticeWords").contains("Portal 密碼已變更"), app.text("loginNoticeWords"));
                assertEquals(PhoneAppIT.DOCTOR, app.browser().driver().findElement(By.id("loginAccount")).getDomProperty("value"));
                app.screenshot("relogin");
                app.type("loginPassword", NEW_PASSWORD);
                app.tap("loginSubmit");

                // back on 批次簽章作業, where it was, and signing goes on
                // the list left with the login; it is back, freshly loaded, when the two records are
                new WebDriverWait(app.browser().driver(), Duration.ofSeconds(60)).until(d -> app.pending().size() == 3);
                app.awaitText("batchCount", "待簽 3 筆");
                app.tap("selectAll");
                // one of them is past 24 hours: 簽章 asks for the delay reason first, and it is stored with the signature
                app.tap("signButton");
                app.awaitText("batchCount", "請選擇延遲簽章原因");
                new Select(app.browser().driver().findElement(By.id("delayReason"))).selectByValue("休假或輪班");
                app.sign(NEW_PIN);
                app.awaitText("resultLine", "成功完成3筆簽章");
                assertEquals("休假或輪班", delayReason(server, overdue));
            } finally {
                changePassword(server, NEW_PASSWORD, StaffSession.DEMO_PASSWORD);
            }
        }
    }

    private static String delayReason(MedsignServer server, long record) throws Exception {
        try (java.sql.Connection c = server.database().connect(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT delay_reason FROM record_signature WHERE his_record_id = ?")) {
            ps.setLong(1, record);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "no signature of record " + record;
            }
        }
    }

    private static void logIn(PhoneApp app, String password) {
        app.go("login");
        app.type("loginAccount", PhoneAppIT.DOCTOR);
        app.type("loginPassword", password);
        app.tap("loginSubmit");
        app.awaitText("stateUser", "王大明");
    }

    private static void enrol(PhoneApp app, Enrolments.Ticket ticket, String pin) {
        app.browser().await(By.id("enrolLink"));
        app.type("enrolLink", ticket.uri());
        app.type("enrolCode", ticket.code());
        app.type("enrolPin", pin);
        app.type("enrolPin2", pin);
    }

    /** 更改密碼 on 個人資料, as the person does it on the Portal (a fresh login with the current password). */
    private static void changePassword(MedsignServer server, String current, String next) {
        PortalClient client = new PortalClient(server);
        HttpResponse<String> login = client.submit(client.open("login.xhtml"), "login",
                Map.of("login:username", PhoneAppIT.DOCTOR, "login:password", current), "login:submit");
        assertEquals(302, login.statusCode(), new Page(login).text());
        Page changed = new Page(client.submit(client.open("portal/profile.xhtml"), "password",
                Map.of("password:current", current, "password:next", next, "password:confirm", next), "password:change"));
        assertTrue(changed.text().contains("密碼已更改"), changed.text());
    }
}
