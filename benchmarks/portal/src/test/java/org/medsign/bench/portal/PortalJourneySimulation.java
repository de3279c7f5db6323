package org.medsign.bench.portal;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.*;
import static io.gatling.javaapi.http.HttpDsl.*;

/**
 * The portal's day's journey (issue 20) as a browser does it, for {@code portal.users} staff at once, each looping:
 * the login page, the password login, 首頁 and its 重新計時 (a PrimeFaces AJAX request), 行動裝置管理, 憑證清單,
 * 個人簽章提醒設定 and its save, 登出; 1–3 s of think time between clicks.
 *
 * <p>A closed model: the figure is a number of concurrent users, each with a session (and its Faces views)
 * held on the server, who clicks again only when the page is in, as people do. The per-user rate then falls when the
 * server slows, so the latency is each click's own (Gatling's response time); with 1–3 s of think time against pages of
 * milliseconds, the load hardly depends on the server's speed.
 *
 * <p>Every user is a different staff member (the accounts file, one per line, taken in order: no two users share an
 * account); each iteration of the journey starts without cookies, as a new login would. Static resources (PrimeFaces'
 * scripts and styles) are left out: a browser has them cached after its first page of the day. Settings are system
 * properties (see {@link Settings}); {@code portal.statsFile} receives the run's own timing and CPU time.
 */
public class PortalJourneySimulation extends Simulation {

    private final Settings settings = Settings.fromSystemProperties();
    private final GeneratorClock clock = new GeneratorClock();

    /** Faces' view state of the page just read: every postback (full or AJAX) sends it back. */
    private static final String VIEW_STATE = "jakarta.faces.ViewState";

    {
        HttpProtocolBuilder protocol = http.baseUrl(settings.baseUrl())
                .acceptHeader("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .acceptLanguageHeader("zh-TW,zh;q=0.9")
                .userAgentHeader("Mozilla/5.0 (X11; Linux x86_64) medsign-portal-benchmark")
                // every redirect is checked and followed by the next step, so each request is one figure
                .disableFollowRedirect();

        ScenarioBuilder staff = scenario("portal journey")
                .feed(csv(settings.accounts().toString()).queue())
                .during(settings.loop()).on(journey());

        setUp(staff.injectOpen(rampUsers(settings.users()).during(settings.ramp()))).protocols(protocol);
    }

    @Override
    public void before() {
        clock.start();
    }

    @Override
    public void after() {
        clock.stop(settings.statsFile());
    }

    private ChainBuilder journey() {
        return exec(flushCookieJar())
                .exec(Pages.loginPage())
                .pause(settings.thinkMin(), settings.thinkMax())
                .exec(Pages.logIn(settings.password(), settings.origin()))
                .exec(Pages.home())
                .pause(settings.thinkMin(), settings.thinkMax())
                .exec(Pages.restartTimer(settings.origin()))
                .pause(settings.thinkMin(), settings.thinkMax())
                .exec(Pages.devices())
                .pause(settings.thinkMin(), settings.thinkMax())
                .exec(Pages.certificates())
                .pause(settings.thinkMin(), settings.thinkMax())
                .exec(Pages.reminders())
                .pause(settings.thinkMin(), settings.thinkMax())
                .exec(Pages.saveReminders(settings.origin()))
                .pause(settings.thinkMin(), settings.thinkMax())
                .exec(Pages.logOut(settings.origin()))
                .pause(settings.thinkMin(), settings.thinkMax());
    }

    /** The run's settings, from {@code -Dportal.*}. */
    record Settings(String baseUrl, Path accounts, String password, int users, Duration ramp, Duration loop,
                    Duration thinkMin, Duration thinkMax, Path statsFile) {

        static Settings fromSystemProperties() {
            return new Settings(System.getProperty("portal.baseUrl", "https://localhost:8843/medsign"),
                    Path.of(System.getProperty("portal.accounts", "accounts.csv")),
                    System.getProperty("portal.password", "Medsign#2026"),
                    Integer.getInteger("portal.users", 100),
                    Duration.ofSeconds(Integer.getInteger("portal.rampSeconds", 10)),
                    Duration.ofSeconds(Integer.getInteger("portal.seconds", 60)),
                    Duration.ofMillis(Integer.getInteger("portal.thinkMinMillis", 1000)),
                    Duration.ofMillis(Integer.getInteger("portal.thinkMaxMillis", 3000)),
                    Path.of(System.getProperty("portal.statsFile", "target/portal-run.properties")));
        }

        /** What a browser sends as {@code Origin} on a POST from the portal's pages (the server checks it). */
        String origin() {
            return baseUrl.replaceFirst("^(https?://[^/]+).*$", "$1");
        }
    }

    /** The load generator's own wall time and CPU over the simulation, for the CPU split (written as properties). */
    static final class GeneratorClock {

        private final com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        private long startNanos;
        private long startCpu;

        void start() {
            startNanos = System.nanoTime();
            startCpu = os.getProcessCpuTime();
        }

        void stop(Path file) {
            String text = "wallNanos=" + (System.nanoTime() - startNanos) + "\ncpuNanos=" + (os.getProcessCpuTime() - startCpu) + "\n";
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
