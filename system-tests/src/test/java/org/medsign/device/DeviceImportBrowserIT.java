package org.medsign.device;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.medsign.systemtest.Tools;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * M5–M9 as a nurse does them: 行動裝置管理 → 匯入載具 in Chromium, the QR image decoded by an outside decoder
 * (zbarimg), the phone (the mobile-client CLI) binds with it, and the page notices; then rename and remove.
 */
@SystemTest
class DeviceImportBrowserIT {

    private Browser browser;

    @BeforeEach
    void openBrowser(MedsignServer server) {
        browser = new Browser(server);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void importBindRenameAndRemoveADevice(MedsignServer server) throws Exception {
        browser.logIn("N0003", "Medsign#2026");
        browser.await(By.linkText("行動裝置管理")).click();
        browser.await(By.id("devices:table"));

        browser.driver().findElement(By.id("devices:import")).click();
        browser.await(By.id("devices:name")).sendKeys("我的iphone01");
        browser.driver().findElement(By.id("devices:note")).sendKeys("常用的手機01");
        browser.driver().findElement(By.id("devices:getQr")).click();
        String code = browser.await(By.id("ticketCode")).getText().replace(" ", "");
        assertTrue(code.matches("[23456789ABCDEFGHJKLMNPQRSTUVWXYZ]{10}"), code);
        String link = browser.driver().findElement(By.id("ticketUri")).getText();
        browser.screenshot("device-import-qr");

        String src = browser.driver().findElement(By.id("qr")).getAttribute("src");
        Path qr = Files.createTempFile("medsign-qr", ".png");
        Files.write(qr, Base64.getDecoder().decode(src.substring(src.indexOf(',') + 1)));
        assertEquals(link, Tools.run("zbarimg", "--raw", "-q", qr.toString()).strip(), "a standard decoder reads the QR");

        Path phone = Files.createTempDirectory("medsign-phone");
        String bound = Tools.mobileCli(server, "bind", "--qr", qr.toString(), "--code", code.toLowerCase(),
                "--store-password", "phone-store-pw", "--home", phone.toString(), "--json");
        assertTrue(bound.contains("\"name\":\"我的iphone01\""), bound);
        assertTrue(Files.exists(phone.resolve("keys.p12")));

        browser.awaitText(By.id("devices:bound"), "綁定成功");
        browser.driver().findElement(By.id("devices:listAll")).click();
        browser.awaitText(By.id("devices:table"), "我的iphone01");
        assertTrue(browser.driver().findElement(By.id("devices:table")).getText().contains("常用的手機01"));
        browser.screenshot("device-list");

        int row = rowOf("我的iphone01");
        browser.driver().findElement(By.id("devices:table:" + row + ":rename")).click();
        browser.await(By.id("devices:newName")).clear();
        browser.driver().findElement(By.id("devices:newName")).sendKeys("公務手機");
        browser.driver().findElement(By.id("devices:saveName")).click();
        browser.awaitText(By.id("devices:table"), "公務手機");
        browser.await(By.cssSelector("#devices\\:table .device-name"));

        browser.driver().findElement(By.id("devices:table:" + rowOf("公務手機") + ":remove")).click();
        browser.await(By.id("devices:confirmRemove")).click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> d.findElements(By.cssSelector("#devices\\:table .device-name")).stream()
                        .noneMatch(name -> name.getText().equals("公務手機")));
    }

    /** The table row showing a device name (other tests may have bound devices for the same person). */
    private int rowOf(String name) {
        java.util.List<org.openqa.selenium.WebElement> names = browser.driver().findElements(By.cssSelector("#devices\\:table .device-name"));
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).getText().equals(name)) {
                return i;
            }
        }
        throw new AssertionError("no device " + name);
    }

    @Test
    void theCliRefusesAQrCodeOfAnotherServer(MedsignServer server) throws Exception {
        String link = "medsign://bind?v=1&server=https%3A%2F%2Fevil.example%2Fmedsign&ticket=AAAAAAAAAAAAAAAAAAAAAAAAAAA";
        Tools.Result result = Tools.mobileCliResult(server, "bind", "--uri", link, "--code", "ABCDEFGHJK",
                "--store-password", "x", "--home", Files.createTempDirectory("medsign-phone").toString());
        assertEquals(1, result.exitCode());
        assertTrue(result.errors().contains("[MS-3009]"), result.errors());
    }
}
