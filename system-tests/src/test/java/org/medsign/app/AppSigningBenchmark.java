package org.medsign.app;

import org.medsign.card.DevHca;
import org.medsign.credential.CredentialFixture;
import org.medsign.credential.Enrolments;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.StaffSession;
import org.openqa.selenium.By;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Issue 19's figure: 100 records signed in the web app after one PIN, in headless Chromium emulating a phone, from
 * the PIN dialog's 確定 to 成功 on the screen (as Selenium sees it, and as the app measures it with performance.now()).
 * The raw reference in the same run: the same 100-record batch signed by the Java client library that medsign-mobile
 * is made of (Bouncy Castle), against the same server. Usage: benchmarks/app-signing.sh [rounds]
 */
public final class AppSigningBenchmark {

    private static final String NURSE = "N0005";
    private static final String PIN = "570319";
    private static final int RECORDS = 100;

    private AppSigningBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        try (MedsignServer server = MedsignServer.startForBenchmark()) {
            Path temp = Files.createTempDirectory("medsign-app-benchmark");
            try (PhoneApp app = new PhoneApp(server, temp.resolve("phone"), null)) {
                setUp(server, app);
                for (int round = 1; round <= rounds; round++) {
                    PhoneAppIT.onlyFreshRecords(server, NURSE, RECORDS);
                    app.refreshAndSelectAll();
                    app.tap("signButton");
                    app.type("pinInput", PIN);
                    long start = System.nanoTime();
                    app.tap("pinOk");
                    app.awaitText("resultLine", "成功完成" + RECORDS + "筆簽章");
                    long seen = (System.nanoTime() - start) / 1_000_000;
                    String measured = app.browser().driver().findElement(By.id("result")).getDomAttribute("data-millis");
                    System.out.printf("[app benchmark] round %d: %d records, PIN 確定 → 成功 %d ms (Selenium), %s ms (app)%n",
                            round, RECORDS, seen, measured);
                }
            }
            CredentialFixture.Signer reference = CredentialFixture.downloadedSigner(server, "N0002", "bench-reference");
            reference.bindEPortal("10.8.0.41");
            for (int round = 1; round <= rounds; round++) {
                PhoneAppIT.onlyFreshRecords(server, "N0002", RECORDS);
                reference.eportal().refresh();
                long start = System.nanoTime();
                int signed = reference.eportal().signPending(reference.deviceId(), reference.cms(), List.of(), null)
                        .path("result").path("signed").asInt();
                System.out.printf("[app benchmark] reference round %d: %d records, Java client (Bouncy Castle) %d ms%n",
                        round, signed, (System.nanoTime() - start) / 1_000_000);
            }
        }
        // Selenium's HTTP client leaves threads that would keep exec:java waiting
        System.exit(0);
    }

    /** Bind (typed link), log in, enrol, download and E Portal binding, through the app's screens. */
    private static void setUp(MedsignServer server, PhoneApp app) throws Exception {
        StaffSession portal = StaffSession.logIn(server, NURSE);
        StaffSession.BindingTicket ticket = portal.bindingTicket("bench-app");
        app.go("bind");
        app.type("bindLink", ticket.uri());
        app.type("bindCode", ticket.code());
        app.tap("bindSubmit");
        app.awaitText("bindDone", "裝置綁定成功");
        app.go("login");
        app.type("loginAccount", NURSE);
        app.type("loginPassword", StaffSession.DEMO_PASSWORD);
        app.tap("loginSubmit");
        app.awaitText("stateUser", NURSE);
        Enrolments.Ticket enrolment = Enrolments.apply(portal, "bench-app", new DevHca(server).card(NURSE + ".p12"));
        app.go("enrol");
        app.type("enrolLink", enrolment.uri());
        app.type("enrolCode", enrolment.code());
        app.type("enrolPin", PIN);
        app.type("enrolPin2", PIN);
        app.tap("enrolSubmit");
        app.awaitText("enrolDone", "憑證申請成功");
        app.go("download");
        app.type("downloadPin", PIN);
        app.tap("downloadSubmit");
        app.awaitText("downloadDone", "憑證下載完成");
        app.onHospitalWifi("10.8.0.40");
        app.go("eportal");
        app.tap("eportalSubmit");
        app.awaitText("eportalDone", "裝置綁定員工編號完成");
    }
}
