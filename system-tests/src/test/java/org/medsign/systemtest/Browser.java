package org.medsign.systemtest;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Headless Debian Chromium driven by Selenium, with the flags this machine needs (no sandbox as root,
 * no background networking on a closed network) and a fresh profile each time. The profile's own HOME holds an NSS
 * database that trusts the development TLS CA as an authority, as README tells a developer to import it; Chromium on
 * Linux reads its authorities from {@code $HOME/.pki/nssdb}, so no certificate error is ignored.
 */
public final class Browser implements AutoCloseable {

    private final WebDriver driver;
    private final MedsignServer server;
    private final Path profile;
    private final boolean keepProfile;

    public Browser(MedsignServer server) {
        this(server, null, List.of(), null);
    }

    /**
     * A phone: Chromium emulating a 360×640 touch screen, its camera fed the frames of {@code camera} (a y4m video,
     * or none), and its profile (the app's storage) kept in {@code profile} after closing, so that a test can open it
     * again or copy it into another profile.
     */
    public static Browser phone(MedsignServer server, Path profile, Path camera) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream"));
        if (camera != null) {
            arguments.add("--use-file-for-fake-video-capture=" + camera);
        }
        return new Browser(server, profile, arguments, Map.of(
                "deviceMetrics", Map.of("width", 360, "height", 640, "pixelRatio", 2.0, "touch", true, "mobile", true),
                "userAgent", "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
                        + "Chrome/130.0.0.0 Mobile Safari/537.36"));
    }

    private Browser(MedsignServer server, Path keptProfile, List<String> arguments, Map<String, Object> mobile) {
        this.server = server;
        this.keepProfile = keptProfile != null;
        System.setProperty("SE_OFFLINE", "true");
        try {
            profile = keptProfile != null ? Files.createDirectories(keptProfile) : Files.createTempDirectory("medsign-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("medsign.chromium", "/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", mobile == null ? "--window-size=1366,900" : "--window-size=360,640", "--lang=zh-TW",
                "--user-data-dir=" + profile);
        options.addArguments(arguments);
        if (mobile != null) {
            options.setExperimentalOption("mobileEmulation", mobile);
        }
        // The browser's console, where Chromium reports what a Content-Security-Policy refused.
        options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(System.getProperty("medsign.chromedriver", "/usr/bin/chromedriver")))
                .withEnvironment(Map.of("HOME", trustingHome(profile).toString()))
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
    }

    /** A HOME whose NSS database trusts the development TLS CA for servers (certutil, Debian's libnss3-tools). */
    private static Path trustingHome(Path profile) {
        Path home = profile.resolve("home");
        Path nssdb = home.resolve(".pki/nssdb");
        if (Files.exists(nssdb.resolve("cert9.db"))) {
            return home;
        }
        try {
            Files.createDirectories(nssdb);
            Tools.run("certutil", "-d", "sql:" + nssdb, "-N", "--empty-password");
            Tools.run("certutil", "-d", "sql:" + nssdb, "-A", "-t", "C,,", "-n", "medsign development TLS CA",
                    "-i", DevTls.caPem().toString());
            return home;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(server.url(path).toString());
    }

    public WebElement await(By locator) {
        return new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    public void awaitText(By locator, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    public void awaitPath(String pathFragment) {
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(pathFragment));
    }

    /** Logs in with the portal's password form and waits for its answer: 首頁, or the login page's message. */
    public void logIn(String employeeNumber, String password) {
        open("login.xhtml");
        await(By.id("login:username")).sendKeys(employeeNumber);
        driver.findElement(By.id("login:password")).sendKeys(password);
        driver.findElement(By.id("login:submit")).click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).ignoring(StaleElementReferenceException.class)
                .until(d -> d.getCurrentUrl().contains("/portal/")
                        || !d.findElements(By.id("login:messages")).stream().allMatch(m -> m.getText().isBlank()));
    }

    /** What the console received since the last call (Chromium hands each entry out once). */
    public List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    public Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("medsign.work.dir")).resolve("screenshots");
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        if (keepProfile) {
            return;
        }
        try (var paths = Files.walk(profile)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
