package org.medsign.portal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The portal shell in headless Chromium, as a nurse and as IT use it (M3, M4). */
@SystemTest
class PortalBrowserIT {

    private static final String PASSWORD = "Medsign#2026";
    private Browser browser;

    @BeforeEach
    void openBrowser(MedsignServer server) {
        browser = new Browser(server);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private String countdown() {
        return browser.driver().findElement(By.id("countdown")).getText();
    }

    @Test
    void aNurseLogsInSeesTheCountdownAndWalksTheMenu() throws InterruptedException {
        browser.logIn("N0001", PASSWORD);
        browser.awaitText(By.id("greeting"), "陳美玲 護理師 您好!");
        browser.screenshot("portal-home");
        assertTrue(countdown().matches("1[45]:\\d\\d"), countdown());
        String before = countdown();
        Thread.sleep(2100);
        assertFalse(before.equals(countdown()), "the countdown runs");
        browser.driver().findElement(By.id("header:restartTimer")).click();
        browser.awaitText(By.id("countdown"), "15:00");
        assertTrue(browser.driver().findElements(By.linkText("人員查詢")).isEmpty(), "no IT menu for staff");

        browser.driver().findElement(By.linkText("個人資料")).click();
        browser.awaitText(By.id("nationalId"), "A22****789");
        assertEquals("護理師", browser.driver().findElement(By.id("profession")).getText());
        String history = browser.driver().findElement(By.id("history")).getText();
        assertTrue(history.contains("登入") && !history.contains("PORTAL_LOGIN"), "own history is listed in words: " + history);
        assertFalse(browser.driver().getPageSource().contains("A223456789"), "the full ID is never sent");
        browser.screenshot("portal-profile");

        browser.driver().findElement(By.linkText("申請憑證")).click();
        browser.await(By.id("apply:toDevice"));

        browser.driver().findElement(By.id("header:language")).click();
        browser.awaitText(By.id("greeting"), "Hello, 陳美玲 (護理師)!");
        assertFalse(browser.driver().findElements(By.linkText("Profile")).isEmpty());
        browser.driver().findElement(By.id("header:language")).click();
        browser.awaitText(By.id("greeting"), "您好!");

        browser.driver().findElement(By.id("logout")).click();
        browser.awaitPath("login.xhtml?loggedOut=true");
        assertTrue(browser.driver().getPageSource().contains("您已登出"));
    }

    @Test
    void aWrongPasswordShowsItsErrorCode() {
        browser.logIn("D0001", "not-my-password");
        browser.awaitText(By.id("login:messages"), "[MS-1001]");
    }

    @Test
    void theCountdownLogsOutAtZero(MedsignServer server) {
        browser.logIn("N0003", PASSWORD);
        WebElement timer = browser.await(By.id("countdown"));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "arguments[0].setAttribute('data-seconds', '2'); medsign.countdown.restart();", timer);
        browser.awaitPath("login.xhtml?expired=true");
        browser.awaitText(By.id("login:messages"), "[MS-1004]");
        browser.open("portal/home.xhtml");
        browser.awaitPath("login.xhtml");
    }

    @Test
    void itSeesTheItMenuTheHealthPageAndMaskedStaff(MedsignServer server) {
        browser.logIn("IT0001", PASSWORD);
        browser.awaitText(By.id("greeting"), "李志明 資訊工程師 您好!");
        browser.driver().findElement(By.linkText("系統狀態")).click();
        browser.awaitText(By.id("status"), "UP");
        assertTrue(browser.driver().findElement(By.id("provider")).getText().startsWith("org.eclipse.persistence"),
                "EclipseLink is the JPA provider");
        assertTrue(browser.driver().findElement(By.id("platform")).getText().endsWith("JBossPlatform"));
        String database = browser.driver().findElement(By.id("database")).getText();
        assertTrue(database.startsWith(server.database().postgres() ? "PostgreSQL" : "H2"), database);
        browser.screenshot("it-health");

        browser.driver().findElement(By.linkText("人員查詢")).click();
        browser.awaitText(By.id("search:staff"), "陳OO");
        assertFalse(browser.driver().getPageSource().contains("陳美玲"), "names are masked on lists");
        browser.driver().findElement(By.id("search:query")).sendKeys("ONC");
        browser.driver().findElement(By.id("search:go")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .ignoring(StaleElementReferenceException.class).until(d ->
                !d.findElement(By.id("search:staff")).getText().contains("N0001"));
        assertTrue(browser.driver().findElement(By.id("search:staff")).getText().contains("N0003"), "found by department");
    }
}
