package org.medsign.walkthrough;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.card.CardAgent;
import org.medsign.card.DevHca;
import org.medsign.card.SoftCard;
import org.medsign.card.SoftHsmCard;
import org.medsign.mobile.AppSession;
import org.medsign.mobile.CmsSigner;
import org.medsign.mobile.DeviceKeyStore;
import org.medsign.mobile.DeviceProfile;
import org.medsign.mobile.EPortalClient;
import org.medsign.mobile.MedsignClient;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.DevTls;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;
import org.openqa.selenium.By;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The hospital's manual (its steps outlined in docs/manual-steps.md) from M1 to M27, as a new nurse (N0004, who
 * nobody else's test uses) does it: Chromium for the portal with her card in the card agent (SoftHSM2), the
 * mobile-client CLI for the phone. Each step leaves a screenshot (CLI output is shown in the browser too) in
 * target/medsign-it/screenshots/walkthrough-*.png.
 */
@SystemTest
class ManualWalkthroughIT {

    private static final String PIN = "482916";
    private static final String NEW_PASSWORD = "Nurse2027ok";

    @TempDir
    Path temp;

    private Browser browser;
    private MedsignServer server;
    private Path phone;

    @BeforeEach
    void open(MedsignServer server) throws Exception {
        this.server = server;
        browser = new Browser(server);
        phone = Files.createDirectories(temp.resolve("phone"));
    }

    @AfterEach
    void close() {
        browser.close();
    }

    private String cli(String... arguments) {
        List<String> all = new ArrayList<>(List.of(arguments));
        all.addAll(List.of("--home", phone.toString()));
        Tools.Result result = Tools.mobileCliResult(server, all.toArray(String[]::new));
        return result.output() + result.errors();
    }

    /** Shows a CLI step in the browser, as a phone screen would, and keeps its screenshot. */
    private void phoneShot(String name, String command, String output) {
        String html = "<html><body style='background:#10151c;color:#d8e0ea;font:15px monospace;padding:20px'>"
                + "<div style='color:#7fb3ff'>$ medsign-mobile " + escape(command) + "</div><pre>" + escape(output)
                + "</pre></body></html>";
        browser.driver().get("data:text/html;charset=utf-8," + URLEncoder.encode(html, StandardCharsets.UTF_8).replace("+", "%20"));
        browser.screenshot("walkthrough-" + name);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Test
    void aNurseFollowsTheManualFromCardLoginToBatchSigning() throws Exception {
        SoftCard card = new DevHca(server).card("N0004.p12");
        try (CardAgent agent = CardAgent.start(SoftHsmCard.create(temp.resolve("card"), "walkthrough", card), temp.resolve("agent"))) {
            // M1–M3: the card component is running; log in with the card and its PIN.
            browser.open("login.xhtml");
            browser.awaitText(By.id("agentState"), "已就緒");
            browser.screenshot("walkthrough-m03-card-login");
            browser.await(By.id("cardPin")).sendKeys(SoftCard.PIN);
            browser.driver().findElement(By.id("cardLoginButton")).click();
            browser.awaitText(By.id("greeting"), "吳佩珊 護理師 您好!");
            browser.screenshot("walkthrough-m04-home");

            // M5–M7: 行動裝置管理 → 匯入載具 → 取得QRCode.
            browser.driver().findElement(By.linkText("行動裝置管理")).click();
            browser.awaitText(By.id("devices:table"), "查無資料");
            browser.driver().findElement(By.id("devices:import")).click();
            browser.await(By.id("devices:name")).sendKeys("我的iphone01");
            browser.driver().findElement(By.id("devices:note")).sendKeys("常用的手機01");
            browser.driver().findElement(By.id("devices:getQr")).click();
            String code = browser.await(By.id("ticketCode")).getText().replace(" ", "");
            browser.screenshot("walkthrough-m07-qr");
            String src = browser.driver().findElement(By.id("qr")).getAttribute("src");
            Path qr = temp.resolve("bind.png");
            Files.write(qr, Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));

            // M8–M9: the phone binds itself with the QR code and its password.
            String bound = cli("bind", "--qr", qr.toString(), "--code", code, "--store-password", "phone-pw");
            assertTrue(bound.contains("裝置綁定成功"), bound);
            browser.awaitText(By.id("devices:bound"), "綁定成功");
            String portalWindow = browser.driver().getWindowHandle();
            phoneShot("m09-bind", "bind --qr bind.png --code " + code, bound);
            browser.driver().switchTo().window(portalWindow);
            browser.open("portal/devices.xhtml");
            browser.awaitText(By.id("devices:table"), "我的iphone01");
            browser.screenshot("walkthrough-m09-devices");

            // M10–M13: 申請憑證 with the card: PIN, pull out, insert, PIN.
            browser.driver().findElement(By.linkText("申請憑證")).click();
            browser.await(By.id("apply:toDevice"));
            browser.screenshot("walkthrough-m10-confirm");
            browser.driver().findElement(By.id("apply:toDevice")).click();
            browser.await(By.xpath("//label[starts-with(normalize-space(.), '我的iphone01')]")).click();
            browser.driver().findElement(By.id("apply:toStatement")).click();
            browser.await(By.cssSelector("#apply\\:accept .ui-chkbox-box")).click();
            browser.screenshot("walkthrough-m11-statement");
            browser.driver().findElement(By.id("apply:toCard")).click();
            browser.await(By.id("presencePin")).sendKeys(SoftCard.PIN);
            browser.driver().findElement(By.id("presenceButton")).click();
            // the stage, not its words: the signing stage also says 拔出 (請勿拔出卡片)
            browser.await(By.cssSelector("#presenceStage[data-stage='remove']"));
            browser.screenshot("walkthrough-m12-pull-out");
            agent.remove();
            browser.await(By.cssSelector("#presenceStage[data-stage='insert']"));
            agent.insert();
            browser.await(By.cssSelector("#presencePin:not([disabled])")).sendKeys(SoftCard.PIN);
            browser.driver().findElement(By.id("presenceButton")).click();
            browser.awaitText(By.id("apply:success"), "取得 QRCode 成功");
            assertEquals("護理師", browser.driver().findElement(By.id("apply:resultProfession")).getText());
            browser.screenshot("walkthrough-m13-enrolment-qr");
            String enrolUri = browser.driver().findElement(By.id("enrolUri")).getText();
            String enrolCode = browser.driver().findElement(By.id("enrolCode")).getText().replace(" ", "");

            // M14–M16: log in on the phone, enrol with the QR code, set the signing PIN (leave it 正常 for M25).
            String login = cli("login", "--site", "T0", "--account", "N0004", "--password", StaffSession.DEMO_PASSWORD);
            assertTrue(login.contains("登入成功"), login);
            String enrolled = cli("enrol", "--uri", enrolUri, "--code", enrolCode.toLowerCase(), "--pin", PIN,
                    "--store-password", "phone-pw", "--no-download");
            assertTrue(enrolled.contains("(正常)"), enrolled);
            phoneShot("m16-enrol", "enrol --uri … --code " + enrolCode + " --pin ****** --no-download", enrolled);

            // M19: E Portal binding — refused off the intranet, done through the hospital's network.
            String outside = cli("eportal-bind", "--store-password", "phone-pw");
            assertTrue(outside.contains("[MS-5012]"), outside);
            assertTrue(bindFromIntranet().contains("裝置綁定員工編號完成"));

            // M25: a certificate that is only 正常 cannot sign.
            assertTrue(cli("refresh").contains("重新整理完成"));
            JsonNode pending = eportal().pending(true);
            assertTrue(pending.path("items").size() >= 5, pending.toString());
            assertEquals("MS-5002", signOneWithIssuedCertificate(pending.path("items").get(0)));

            // M17–M18: download, which makes it 已下載; the portal's 憑證清單 shows it too.
            String downloaded = cli("download", "--pin", PIN);
            assertTrue(downloaded.contains("(已下載)"), downloaded);
            String status = cli("status");
            assertTrue(status.startsWith("已下載"), status);
            phoneShot("m18-status", "status", status);
            browser.open("portal/certificates.xhtml");
            browser.awaitText(By.id("certificates:table"), "已下載");
            browser.screenshot("walkthrough-m18-certificates");

            // M21–M23: list, a wrong signing PIN, then sign five: 成功完成5筆簽章.
            String list = cli("pending");
            phoneShot("m22-pending", "pending", list);
            List<String> five = new ArrayList<>();
            pending.path("items").forEach(i -> {
                if (five.size() < 5) {
                    five.add(i.path("record").path("recordId").asText());
                }
            });
            String wrongPin = cli("sign", "--pin", "135790", "--records", String.join(",", five), "--delay-reason", "補簽");
            assertTrue(wrongPin.contains("[MS-5015]"), wrongPin);
            String signed = cli("sign", "--pin", PIN, "--records", String.join(",", five), "--delay-reason", "補簽");
            assertTrue(signed.contains("成功 成功完成5筆簽章"), signed);
            phoneShot("m23-signed", "sign --pin ****** --records " + String.join(",", five), signed);
            String refreshed = cli("refresh");
            for (int batch = 0; batch < 40 && !refreshed.contains("待簽 0 筆"); batch++) {
                String rest = cli("sign", "--pin", PIN, "--delay-reason", "補簽");
                assertTrue(rest.startsWith("成功"), rest);
                refreshed = cli("refresh");
            }

            // M24: 重新整理 — nothing left.
            assertTrue(refreshed.contains("待簽 0 筆"), refreshed);
            phoneShot("m24-refresh", "refresh", refreshed);

            // M27: the Portal password changes; the app must log in again with the new one.
            browser.open("portal/profile.xhtml");
            browser.await(By.id("password:current")).sendKeys(StaffSession.DEMO_PASSWORD);
            browser.driver().findElement(By.id("password:next")).sendKeys(NEW_PASSWORD);
            browser.driver().findElement(By.id("password:confirm")).sendKeys(NEW_PASSWORD);
            browser.driver().findElement(By.id("password:change")).click();
            browser.awaitText(By.id("password:passwordChanged"), "密碼已更改");
            browser.screenshot("walkthrough-m27-password");
            String stale = cli("pending");
            assertTrue(stale.contains("[MS-1012]"), stale);
            assertTrue(cli("login", "--site", "T0", "--account", "N0004", "--password", NEW_PASSWORD).contains("登入成功"));
            String again = cli("pending");
            assertTrue(again.contains("待簽 0 筆"), again);
            phoneShot("m27-login-again", "pending  (after logging in with the new password)", stale + "\n" + again);
        }
    }

    private EPortalClient eportal() {
        AppSession session = AppSession.load(phone, MedsignClient.mapper());
        return new EPortalClient(new MedsignClient(server.baseUrl(), DevTls.sslContext()).authorized(session.token()));
    }

    /** The phone on the hospital Wi-Fi: its requests reach medsign through the hospital's proxy, which says so. */
    private String bindFromIntranet() throws Exception {
        AppSession session = AppSession.load(phone, MedsignClient.mapper());
        DeviceProfile device = DeviceProfile.load(phone, MedsignClient.mapper());
        KeyPair key = DeviceKeyStore.read(phone.resolve("keys.p12"), "phone-pw".toCharArray(), DeviceKeyStore.DEVICE_KEY);
        byte[] message = ("medsign-eportal-v1\nN0004\n" + device.deviceId()).getBytes(StandardCharsets.UTF_8);
        String body = "{\"deviceId\":\"" + device.deviceId() + "\",\"deviceSignature\":\""
                + Base64.getEncoder().encodeToString(DeviceKeyStore.sign(key.getPrivate(), message)) + "\"}";
        return DevTls.httpClient().send(HttpRequest.newBuilder(server.url("api/v1/eportal/bindings"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + session.token())
                .header("X-Forwarded-For", "10.8.0.23").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Signs one record with the issued (正常) certificate, not yet acknowledged: the server must refuse it. */
    private String signOneWithIssuedCertificate(JsonNode item) throws Exception {
        AppSession session = AppSession.load(phone, MedsignClient.mapper());
        String serial = new MedsignClient(server.baseUrl(), DevTls.sslContext()).authorized(session.token()).getJson("api/v1/certificates")
                .get(0).path("serial").asText();
        String pem = DevTls.httpClient().send(HttpRequest.newBuilder(server.url("api/v1/certificates/" + serial + "/chain"))
                .header("Authorization", "Bearer " + session.token()).build(), HttpResponse.BodyHandlers.ofString()).body();
        X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        KeyPair key = DeviceKeyStore.read(phone.resolve("signing.p12"), PIN.toCharArray(), "signing");
        byte[] canonical = Base64.getDecoder().decode(item.path("canonical").asText());
        JsonNode answer = eportal().submit(DeviceProfile.load(phone, MedsignClient.mapper()).deviceId(),
                List.of(EPortalClient.item(item.path("record").path("recordId").asLong(),
                        Base64.getEncoder().encodeToString(new CmsSigner(key.getPrivate(), certificate).sign(canonical)), "補簽")));
        return answer.path("result").path("items").get(0).path("code").asText();
    }
}
