package org.medsign.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.card.DevHca;
import org.medsign.credential.Enrolments;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignClient;
import org.medsign.signing.HisRecords;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.FakeCamera;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.PortalClient.Page;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;
import org.openqa.selenium.By;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The phone side of the manual through the web app (issue 19) in Chromium emulating a phone, its camera fed the
 * portal's own QR codes: bind (M9), log in (M14), enrol (M15–M17), download (M18), E Portal binding (M19), the list
 * of 5 (M22), read one, sign them with one PIN (M23: 成功完成5筆簽章), refresh (M24: none left); openssl verifies the
 * signatures the app made. Screenshots: target/medsign-it/screenshots/app-*.png.
 */
@SystemTest
class PhoneAppIT {

    static final String DOCTOR = "D0001";
    static final String PIN = "570319";

    @TempDir
    Path temp;

    @Test
    void aDoctorBindsEnrolsAndSignsFiveRecordsWithThePhoneApp(MedsignServer server) throws Exception {
        StaffSession portal = StaffSession.logIn(server, DOCTOR);
        String deviceName = "app" + (System.currentTimeMillis() % 100000);
        Page ticket = portal.importDevice(deviceName, "web app");
        String code = ticket.document().select("#ticketCode").text().replace(" ", "");
        Path phone = temp.resolve("phone");

        // M9: the camera reads the portal's QR code; the 10-character code is typed; the key is made on the phone.
        try (PhoneApp app = new PhoneApp(server, phone, FakeCamera.showing(
                FakeCamera.dataUri(ticket.document().select("#qr").attr("src")), temp.resolve("bind.y4m")))) {
            app.screenshot("home");
            assertTrue(app.installable(), "a manifest and an active service worker: 加到主畫面 installs it");
            app.go("bind");
            assertEquals(ticket.document().select("#ticketUri").text(), app.scan("bindScan", "bindLink"));
            app.type("bindCode", code.toLowerCase());
            app.screenshot("bind");
            app.tap("bindSubmit");
            app.awaitText("bindDone", "裝置綁定成功");

            // M14: log in with the Portal account.
            app.go("login");
            app.type("loginAccount", DOCTOR);
            app.type("loginPassword", StaffSession.DEMO_PASSWORD);
            app.screenshot("login");
            app.tap("loginSubmit");
            app.awaitText("stateUser", "王大明");
        }

        // M10–M13 on the portal with the card; then M15–M18 on the phone with the enrolment QR code.
        Enrolments.Ticket enrolment = Enrolments.apply(portal, deviceName, new DevHca(server).card(DOCTOR + ".p12"));
        try (PhoneApp app = new PhoneApp(server, phone, FakeCamera.showing(FakeCamera.dataUri(enrolment.qrImage()),
                temp.resolve("enrol.y4m")))) {
            app.go("enrol");
            assertEquals(enrolment.uri(), app.scan("enrolScan", "enrolLink"));
            app.type("enrolCode", enrolment.code());
            app.type("enrolPin", "123456");
            app.type("enrolPin2", "123456");
            app.tap("enrolSubmit");
            app.awaitText("enrolProblem", "太容易被猜到");
            app.screenshot("enrol-weak-pin");
            app.type("enrolPin", PIN);
            app.type("enrolPin2", PIN);
            app.tap("enrolSubmit");
            app.awaitText("enrolDone", "憑證申請成功");
            app.screenshot("enrol");

            app.go("download");
            app.awaitText("certificateList", "正常");
            app.type("downloadPin", PIN);
            app.tap("downloadSubmit");
            app.awaitText("downloadDone", "憑證下載完成");
            app.awaitText("certificateList", "已下載");
            app.screenshot("download");

            // M19: refused off the hospital network, with the code, its words and what to do; then on the Wi-Fi.
            app.go("eportal");
            app.tap("eportalSubmit");
            app.awaitText("errorCode", "MS-5012");
            app.screenshot("error");
            app.onHospitalWifi("10.8.0.31");
            app.go("eportal");
            app.tap("eportalSubmit");
            app.awaitText("eportalDone", "裝置綁定員工編號完成");
            app.screenshot("eportal");

            // M22: exactly five pending records of the doctor, as the list shows them.
            onlyFreshRecords(server, 5);
            app.refreshAndSelectAll();
            assertEquals(5, app.pending().size(), app.text("pendingList"));
            assertTrue(app.pending().get(0).getText().matches("(?s).*[\\p{IsHan}]+O+\\(\\w+\\).*"), app.pending().get(0).getText());
            app.screenshot("batch");
            Map<Long, byte[]> contents = canonicalContents(server);

            app.pending().get(0).findElement(By.className("pending-text")).click();
            app.awaitText("recordText", "護理紀錄");
            app.screenshot("record");
            app.back();

            // M23: a wrong PIN is refused with the server's count; then the right one signs all five.
            app.refreshAndSelectAll();
            app.sign("135790");
            app.awaitText("errorCode", "MS-5015");
            assertTrue(app.text("errorWords").contains("再錯 2 次"), app.text("errorWords"));
            app.screenshot("wrong-pin");
            app.refreshAndSelectAll();
            app.sign(PIN);
            app.awaitText("resultLine", "成功完成5筆簽章");
            assertEquals("成功", app.text("resultHead"));
            app.screenshot("signed");

            // M24: 重新整理 — none left.
            app.go("batch");
            app.tap("refresh");
            app.awaitIdle();
            app.awaitText("batchCount", "待簽 0 筆");
            app.screenshot("refreshed");

            verifyWithOpenssl(server, contents);
        }
        wrongPinsLockOutAlsoInACopyOfThePhonesStorage(server, phone);
    }

    /**
     * The phone's storage copied into a second browser profile holds a working key (it signs with the right PIN), yet
     * its wrong PINs and the phone's count together on the server: the third locks both, even for the right PIN.
     */
    private void wrongPinsLockOutAlsoInACopyOfThePhonesStorage(MedsignServer server, Path phone) throws Exception {
        Path copy = temp.resolve("copy");
        Tools.run("cp", "-a", phone.toString(), copy.toString());
        HisRecords.add(server, DOCTOR, 2);
        try (PhoneApp original = new PhoneApp(server, phone, null); PhoneApp copied = new PhoneApp(server, copy, null)) {
            copied.refreshAndSelectAll();
            copied.pending().subList(1, copied.pending().size()).forEach(p -> p.findElement(By.tagName("input")).click());
            copied.sign(PIN);
            copied.awaitText("resultLine", "成功完成1筆簽章");

            copied.refreshAndSelectAll();
            copied.sign("135790");
            copied.awaitText("errorWords", "再錯 2 次");
            original.refreshAndSelectAll();
            original.sign("246801");
            original.awaitText("errorWords", "再錯 1 次");
            copied.refreshAndSelectAll();
            copied.sign("135792");
            copied.awaitText("errorCode", "MS-5016");
            copied.screenshot("locked");
            copied.refreshAndSelectAll();
            copied.sign(PIN);
            copied.awaitText("errorCode", "MS-5016");
            original.refreshAndSelectAll();
            original.sign(PIN);
            original.awaitText("errorCode", "MS-5016");
        }
        try (Connection c = server.database().connect(); PreparedStatement guard = c.prepareStatement(
                "SELECT failures, locked_until > CURRENT_TIMESTAMP FROM signing_pin_guard WHERE owner = ?")) {
            guard.setString(1, DOCTOR);
            java.sql.ResultSet row = guard.executeQuery();
            assertTrue(row.next());
            assertEquals(3, row.getInt(1));
            assertTrue(row.getBoolean(2), "locked");
        }
    }

    /** The doctor's records in the HIS all signed elsewhere (with the card), then {@code count} new ones. */
    static void onlyFreshRecords(MedsignServer server, int count) throws Exception {
        onlyFreshRecords(server, DOCTOR, count);
    }

    /** The author's records in the HIS all signed elsewhere (with the card), then {@code count} new ones. */
    static void onlyFreshRecords(MedsignServer server, String author, int count) throws Exception {
        try (Connection c = server.his().connect(); PreparedStatement signed = c.prepareStatement(
                "UPDATE his_record SET signed_version = version, signed_at = CURRENT_TIMESTAMP, signed_by = author,"
                        + " signature_ref = 'card', changed_at = CURRENT_TIMESTAMP WHERE author = ?"
                        + " AND (signed_version IS NULL OR signed_version <> version)")) {
            signed.setString(1, author);
            signed.executeUpdate();
        }
        HisRecords.add(server, author, count);
    }

    static String token(MedsignServer server) {
        return new MedsignClient(server.baseUrl(), DevTls.sslContext()).login("T0", DOCTOR, StaffSession.DEMO_PASSWORD).token();
    }

    static MedsignClient api(MedsignServer server) {
        return new MedsignClient(server.baseUrl(), DevTls.sslContext()).authorized(token(server));
    }

    private static Map<Long, byte[]> canonicalContents(MedsignServer server) {
        Map<Long, byte[]> contents = new HashMap<>();
        for (JsonNode item : new EPortalClient(api(server)).pending(true).path("items")) {
            contents.put(item.path("record").path("recordId").asLong(),
                    Base64.getDecoder().decode(item.path("canonical").asText()));
        }
        return contents;
    }

    /** Each stored signature of the five, as kept (CAdES-T over the app's CMS), verified by openssl. */
    private void verifyWithOpenssl(MedsignServer server, Map<Long, byte[]> contents) throws Exception {
        String token = token(server);
        MedsignClient api = new MedsignClient(server.baseUrl(), DevTls.sslContext()).authorized(token);
        EPortalClient eportal = new EPortalClient(api);
        String serial = null;
        for (JsonNode certificate : api.getJson("api/v1/certificates")) {
            if ("DOWNLOADED".equals(certificate.path("status").asText())) {
                serial = certificate.path("serial").asText();
            }
        }
        String chain = DevTls.httpClient().send(HttpRequest.newBuilder(server.url("api/v1/certificates/" + serial + "/chain"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body();
        Files.writeString(temp.resolve("chain.pem"), chain.substring(chain.indexOf("-----END CERTIFICATE-----") + 26));
        int verified = 0;
        for (JsonNode signature : eportal.signatures()) {
            byte[] content = contents.get(signature.path("recordId").asLong());
            if (content == null) {
                continue;
            }
            Files.write(temp.resolve("record.bin"), content);
            Files.write(temp.resolve("stored.der"), eportal.storedCms(signature.path("id").asLong()));
            Tools.Result openssl = Tools.runResult("openssl", "cms", "-verify", "-binary", "-inform", "DER", "-in",
                    temp.resolve("stored.der").toString(), "-content", temp.resolve("record.bin").toString(),
                    "-CAfile", temp.resolve("chain.pem").toString(), "-purpose", "any", "-out", "/dev/null");
            assertTrue(openssl.all().contains("Verification successful"), openssl.all());
            verified++;
        }
        assertEquals(5, verified);
    }
}
