package org.medsign.app;

import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignServer;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The web app at /medsign/app/ on an emulated phone, screen by screen, as a thumb would use it. */
final class PhoneApp implements AutoCloseable {

    private final Browser browser;

    PhoneApp(MedsignServer server, Path profile, Path camera) {
        browser = Browser.phone(server, profile, camera);
        browser.open("app/");
        browser.await(By.cssSelector("body[data-ready='true']"));
    }

    Browser browser() {
        return browser;
    }

    /** From 首頁, the menu button that opens a screen. */
    void go(String screen) {
        home();
        browser.await(By.cssSelector("#home [data-go='" + screen + "']")).click();
        browser.await(By.id(screen));
    }

    void home() {
        if (!browser.driver().findElement(By.id("home")).isDisplayed()) {
            browser.open("app/");
            browser.await(By.cssSelector("body[data-ready='true']"));
        }
        browser.await(By.id("home"));
    }

    void back() {
        browser.driver().findElement(By.id("back")).click();
    }

    void type(String id, String text) {
        WebElement field = browser.await(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    void tap(String id) {
        browser.await(By.id(id)).click();
    }

    String text(String id) {
        return browser.driver().findElement(By.id(id)).getText();
    }

    /** Waits for a screen's text, or fails with what the app shows instead (an error screen says its code). */
    void awaitText(String id, String expected) {
        try {
            // polled often: the benchmark times 簽章 → 成功 with it
            new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).pollingEvery(Duration.ofMillis(20)).until(d -> {
                if (d.findElement(By.id("error")).isDisplayed() && !id.startsWith("error")) {
                    throw new IllegalStateException("error screen: " + d.findElement(By.id("error")).getText());
                }
                return d.findElement(By.id(id)).getText().contains(expected);
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("'" + expected + "' not in #" + id + ": " + text(id), e);
        }
    }

    /** The camera reads the QR code into the link field. */
    String scan(String button, String field) {
        tap(button);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> d.findElement(By.id(field)).getDomProperty("value").startsWith("medsign://"));
        return browser.driver().findElement(By.id(field)).getDomProperty("value");
    }

    /** Until the app's busy veil is gone. */
    void awaitIdle() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> d.findElement(By.id("busy")).getDomAttribute("hidden") != null);
    }

    List<WebElement> pending() {
        return browser.driver().findElements(By.cssSelector("#pendingList .pending-item"));
    }

    /** The phone on the hospital Wi-Fi: the hospital's proxy tells medsign where the request came from (M19). */
    void onHospitalWifi(String address) {
        ChromeDriver chrome = (ChromeDriver) browser.driver();
        chrome.executeCdpCommand("Network.enable", Map.of());
        chrome.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers", Map.of("X-Forwarded-For", address)));
    }

    /** 簽章 for what is selected, with this PIN in the PIN dialog. */
    void sign(String pin) {
        tap("signButton");
        type("pinInput", pin);
        tap("pinOk");
    }

    /** Opens the batch list afresh (重新整理) and selects every record. */
    void refreshAndSelectAll() {
        go("batch");
        awaitIdle();
        tap("refresh");
        awaitIdle();
        WebElement all = browser.await(By.id("selectAll"));
        if (!all.isSelected()) {
            all.click();
        }
    }

    boolean displayed(String id) {
        return browser.driver().findElement(By.id(id)).isDisplayed();
    }

    /** Opens the app afresh, as a phone does after the app was closed. */
    void reload() {
        browser.open("app/");
        browser.await(By.cssSelector("body[data-ready='true']"));
    }

    /**
     * This page's app as an older release (M26): its bind request says that version, as an old copy of the app
     * would. Lasts until the page is loaded again.
     */
    void asAppVersion(String version, int build) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const [version, build] = arguments;
                const real = window.fetch;
                window.fetch = (url, init) => {
                  if (String(url).endsWith('/api/v1/devices') && init && init.body) {
                    const body = JSON.parse(init.body);
                    body.device.appVersion = version;
                    body.device.appBuild = build;
                    init = {...init, body: JSON.stringify(body)};
                  }
                  return real.call(window, url, init);
                };""", version, build);
    }

    /**
     * The app dies as the server answers the request to the path ending so: the request goes through, the answer
     * never reaches the app; the test closes the browser once {@link #answerNeverRead()}.
     */
    void dieOnceAnswered(String pathEnd) {
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const pathEnd = arguments[0];
                const real = window.fetch;
                window.fetch = async (url, init) => {
                  if (String(url).endsWith(pathEnd)) {
                    window.medsignUnread = (await real.call(window, url, init)).status;
                    return new Promise(() => {});
                  }
                  return real.call(window, url, init);
                };""", pathEnd);
    }

    /** The HTTP status of the answer the app never read. */
    long answerNeverRead() {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).until(d ->
                (Long) ((JavascriptExecutor) d).executeScript("return window.medsignUnread || null;"));
    }

    /** Saves the screen, after checking it is made for one thumb on a 360-pixel-wide phone. */
    void screenshot(String name) {
        fitsOneThumb(name);
        browser.screenshot("app-" + name);
    }

    /**
     * No horizontal scrolling, and every visible button, link and field at least 40 CSS pixels tall (a thumb's target;
     * a checkbox counts by its row, which is the target).
     */
    @SuppressWarnings("unchecked")
    private void fitsOneThumb(String screen) {
        List<Object> found = (List<Object>) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript("""
                const small = [...document.querySelectorAll('button, a, input, select, textarea')]
                  .filter(e => e.offsetParent !== null && !['checkbox', 'radio', 'hidden'].includes(e.type))
                  .map(e => [e.id || e.textContent.trim().slice(0, 24), Math.round(e.getBoundingClientRect().height)])
                  .filter(([, height]) => height > 0 && height < 40);
                return [document.documentElement.scrollWidth, window.innerWidth, JSON.stringify(small)];""");
        long scrollWidth = ((Number) found.get(0)).longValue();
        long width = ((Number) found.get(1)).longValue();
        if (scrollWidth > width) {
            throw new AssertionError(screen + ": scrolls sideways (" + scrollWidth + " > " + width + " CSS pixels)");
        }
        if (!"[]".equals(found.get(2))) {
            throw new AssertionError(screen + ": targets smaller than a thumb: " + found.get(2));
        }
    }

    /** Whether the app can be installed: a web app manifest linked, and its service worker active. */
    boolean installable() {
        Object active = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                const manifest = document.querySelector('link[rel=manifest]');
                navigator.serviceWorker.ready.then(r => done(!!manifest && !!r.active)).catch(() => done(false));""");
        return Boolean.TRUE.equals(active);
    }

    @Override
    public void close() {
        browser.close();
    }
}
