package org.medsign.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web app's troubleshooting (M25–M26) and its two languages in Chromium emulating a phone: 錯誤代碼說明 with the
 * server's own catalogue, an app older than the server's minimum refused at binding with MS-3013 and its 更新 App,
 * every error screen's 這是什麼意思 opening its code, 忘記PIN碼 leading to a new application, and English kept across
 * reloads. Screenshots: app-codes, app-update, app-codes-explain, app-forgot, app-english, app-codes-en, app-forgot-en.
 */
@SystemTest
class PhoneAppTroubleshootingIT {

    @TempDir
    Path temp;

    @Test
    void theAppExplainsItsCodesRefusesAnOldVersionLeadsAForgottenPinToANewApplicationAndSpeaksEnglish(
            MedsignServer server) {
        StaffSession portal = StaffSession.logIn(server, PhoneAppIT.DOCTOR);
        StaffSession.BindingTicket ticket = portal.bindingTicket("help" + (System.currentTimeMillis() % 100000));
        try (PhoneApp app = new PhoneApp(server, temp.resolve("phone"), null)) {
            // M26: the error-code table, in the server's words (the FAQ page's catalogue).
            app.go("codes");
            app.awaitText("codesList", "MS-3013");
            assertTrue(app.text("code-MS-3013").contains("App 版本過舊"), app.text("code-MS-3013"));
            assertTrue(app.text("code-MS-1012").contains("請以新的 Portal 密碼重新登入 App"), app.text("code-MS-1012"));
            app.screenshot("codes");

            // M26: an app one build below the server's minimum (1.0.22 build 8) is refused when it binds.
            app.go("bind");
            app.type("bindLink", ticket.uri());
            app.type("bindCode", ticket.code());
            app.asAppVersion("1.0.22", 7);
            app.tap("bindSubmit");
            app.awaitText("errorCode", "MS-3013");
            assertTrue(app.text("errorWords").contains("1.0.22 build 8"), app.text("errorWords"));
            assertTrue(app.text("errorAction").contains("請更新 App"), app.text("errorAction"));
            assertTrue(app.displayed("errorUpdate"));
            app.screenshot("update");

            // 這是什麼意思: the code's entry in the table, in view and marked.
            app.tap("errorExplain");
            app.awaitText("codesList", "MS-3013");
            WebElement entry = app.browser().await(By.id("code-MS-3013"));
            assertTrue(entry.getDomAttribute("class").contains("wanted"));
            assertTrue(entry.isDisplayed());
            app.screenshot("codes-explain");

            // 更新 App: the server's current app, which the server lets bind with the same ticket.
            app.back();
            app.tap("errorUpdate");
            new WebDriverWait(app.browser().driver(), Duration.ofSeconds(30)).until(d -> d.getCurrentUrl().endsWith("#/home"));
            app.browser().await(By.cssSelector("body[data-ready='true']"));
            app.awaitText("appVersion", "build");
            app.go("bind");
            app.type("bindLink", ticket.uri());
            app.type("bindCode", ticket.code());
            app.tap("bindSubmit");
            app.awaitText("bindDone", "裝置綁定成功");

            // 忘記PIN碼: what to do, and its button opens 憑證申請.
            app.go("forgot");
            app.awaitText("forgot", "在電腦上登入 Portal");
            app.screenshot("forgot");
            app.tap("forgotApply");
            app.browser().await(By.id("enrolLink"));
            assertTrue(app.displayed("enrol"));

            // English, chosen once, stays after the app is opened again.
            app.home();
            app.tap("language");
            app.reload();
            assertEquals("en", app.browser().driver().findElement(By.tagName("html")).getDomAttribute("lang"));
            assertEquals("中文", app.text("language"));
            app.awaitText("home", "Batch signing");
            app.screenshot("english");
            app.go("codes");
            app.awaitText("code-MS-3013", "App too old");
            assertTrue(app.text("code-MS-1012").contains("Log in to the app again with the new Portal password"));
            app.screenshot("codes-en");
            app.go("forgot");
            app.awaitText("forgot", "Apply again");
            app.screenshot("forgot-en");
        }
    }
}
