package org.medsign.card;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Card login (M3) as a nurse does it: Chromium opens the login page, the page finds the real card agent on
 * 127.0.0.1 (a SoftHSM2 token with a card of the development HCA), the PIN is typed into the page, and she lands on
 * 首頁. And what the page says when the agent is missing or too old (M2), the PIN is wrong, or the card is revoked.
 */
@SystemTest
class CardLoginBrowserIT {

    @TempDir
    Path temp;

    private Browser browser;

    @BeforeEach
    void openBrowser(MedsignServer server) {
        browser = new Browser(server);
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    private CardAgent agentWith(SoftCard card, String label) throws Exception {
        return CardAgent.start(SoftHsmCard.create(temp.resolve(label), label, card), temp.resolve(label + "-agent"));
    }

    private void typePinAndLogIn(String pin) {
        browser.await(By.id("cardPin")).sendKeys(pin);
        browser.driver().findElement(By.id("cardLoginButton")).click();
    }

    private String cardMessages() {
        return browser.driver().findElement(By.id("cardMessages")).getText();
    }

    @Test
    void aNurseLogsInWithHerCardAndItsPin(MedsignServer server) throws Exception {
        try (CardAgent agent = agentWith(new DevHca(server).card("N0001.p12"), "n0001")) {
            browser.open("login.xhtml");
            browser.awaitText(By.id("agentState"), "卡片元件 1.0.0 已就緒");
            browser.screenshot("card-login");
            typePinAndLogIn(SoftCard.PIN);
            browser.awaitText(By.id("greeting"), "陳美玲 護理師 您好!");
            assertTrue(browser.driver().getCurrentUrl().endsWith("/medsign/portal/home.xhtml"));
            assertFalse(agent.output().contains(SoftCard.PIN), "the agent never logs the PIN");
        }
    }

    @Test
    void aWrongPinSaysHowManyTriesAreLeftAndLogsNobodyIn(MedsignServer server) throws Exception {
        try (CardAgent agent = agentWith(new DevHca(server).card("D0001.p12"), "d0001")) {
            browser.open("login.xhtml");
            browser.awaitText(By.id("agentState"), "已就緒");
            typePinAndLogIn("654321");
            browser.awaitText(By.id("cardMessages"), "[MS-2005]");
            assertTrue(cardMessages().contains("剩餘可嘗試次數：2"), cardMessages());
            assertTrue(browser.driver().findElement(By.id("cardPin")).getAttribute("value").isEmpty(), "the PIN is cleared");
            browser.open("portal/home.xhtml");
            browser.awaitPath("login.xhtml");

            browser.awaitText(By.id("agentState"), "已就緒");
            typePinAndLogIn(SoftCard.PIN);
            browser.awaitText(By.id("greeting"), "王大明 主治醫師 您好!");
        }
    }

    @Test
    void aLockedCardIsReportedAsLocked(MedsignServer server) throws Exception {
        try (CardAgent agent = agentWith(new DevHca(server).card("N0003.p12"), "n0003")) {
            browser.open("login.xhtml");
            browser.awaitText(By.id("agentState"), "已就緒");
            for (int i = 0; i < 3; i++) {
                typePinAndLogIn("00000" + i);
                browser.awaitText(By.id("cardMessages"), i < 2 ? "[MS-2005]" : "[MS-2006]");
                browser.await(By.cssSelector("#cardLoginButton:not([disabled])"));
            }
            typePinAndLogIn(SoftCard.PIN);
            browser.awaitText(By.id("cardMessages"), "[MS-2006]");
        }
    }

    @Test
    void aRevokedCardIsRefusedWithR2sCode(MedsignServer server) throws Exception {
        DevHca hca = new DevHca(server);
        SoftCard card = hca.issue("N0002", true, false);
        hca.revoke(card);
        try (CardAgent agent = agentWith(card, "revoked")) {
            browser.open("login.xhtml");
            browser.awaitText(By.id("agentState"), "已就緒");
            typePinAndLogIn(SoftCard.PIN);
            browser.awaitText(By.id("cardMessages"), "[MS-2008]");
            browser.screenshot("card-login-revoked");
            browser.open("portal/home.xhtml");
            browser.awaitPath("login.xhtml");
        }
    }

    @Test
    void withoutTheAgentThePageSaysSoAndHowToInstallIt() {
        browser.open("login.xhtml");
        browser.awaitText(By.id("cardMessages"), "[MS-2001]");
        assertTrue(browser.await(By.id("agentHelp")).getText().contains("java -jar medsign-card-agent.jar"));
        browser.screenshot("card-login-no-agent");
        typePinAndLogIn(SoftCard.PIN);
        browser.awaitText(By.id("cardMessages"), "[MS-2001]");
    }

    @Test
    void anOldAgentIsAskedToBeUpdated() throws Exception {
        HttpServer old = HttpServer.create(new InetSocketAddress("127.0.0.1", MedsignServer.CARD_AGENT_PORT), 0);
        old.createContext("/v1/status", exchange -> {
            byte[] body = "{\"protocol\":1,\"agentVersion\":\"0.9.0\",\"readerPresent\":true,\"cardPresent\":true}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", exchange.getRequestHeaders().getFirst("Origin"));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        old.start();
        try {
            browser.open("login.xhtml");
            browser.awaitText(By.id("cardMessages"), "[MS-2002]");
            assertTrue(cardMessages().contains("1.0.0"), cardMessages());
            assertTrue(browser.await(By.id("agentHelp")).isDisplayed());
        } finally {
            old.stop(0);
        }
    }
}
