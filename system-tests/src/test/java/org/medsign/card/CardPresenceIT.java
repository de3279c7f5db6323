package org.medsign.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medsign.card.CardHttp.Challenge;
import org.medsign.card.CardHttp.Reply;
import org.medsign.systemtest.Browser;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;
import org.openqa.selenium.By;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The card presence proof of M12: PIN, pull the card out, insert it again, PIN. In Chromium with the real agent
 * (simulated removal, as SoftHSM2 has no reader), and over HTTP against what the server checks itself: the same
 * card, the holder's own card, the order of the events, single-use challenges.
 */
@SystemTest
class CardPresenceIT {

    private static final String FROM = "127.0.0.5";

    @TempDir
    Path temp;

    @Test
    void aNurseProvesHerCardByPinPullOutReinsertAndPinInTheBrowser(MedsignServer server) throws Exception {
        SoftCard card = new DevHca(server).card("N0001.p12");
        try (CardAgent agent = CardAgent.start(SoftHsmCard.create(temp.resolve("t"), "presence", card), temp.resolve("a"));
             Browser browser = new Browser(server)) {
            browser.open("login.xhtml");
            browser.awaitText(By.id("agentState"), "已就緒");
            browser.await(By.id("cardPin")).sendKeys(SoftCard.PIN);
            browser.driver().findElement(By.id("cardLoginButton")).click();
            browser.awaitText(By.id("greeting"), "陳美玲");

            browser.open("portal/card-check.xhtml");
            browser.await(By.id("presencePin")).sendKeys(SoftCard.PIN);
            browser.driver().findElement(By.id("presenceButton")).click();
            browser.awaitText(By.id("presenceStage"), "請將卡片從讀卡機拔出");
            agent.remove();
            browser.awaitText(By.id("presenceStage"), "請將卡片重新插入讀卡機");
            agent.insert();
            browser.awaitText(By.id("presenceStage"), "請再次輸入卡片 PIN 碼");
            browser.await(By.cssSelector("#presencePin:not([disabled])")).sendKeys(SoftCard.PIN);
            browser.driver().findElement(By.id("presenceButton")).click();
            browser.awaitText(By.id("presenceResult"), "檢測成功");
            browser.screenshot("card-check-done");
            String ceremony = browser.driver().findElement(By.cssSelector("#presenceResult .ceremony")).getText();
            assertEquals(22, ceremony.length(), ceremony);
            if (server.database().postgres()) {
                try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
                    ResultSet row = s.executeQuery("SELECT status, employee_number, agent_events FROM card_presence WHERE id = '"
                            + ceremony + "'");
                    assertTrue(row.next());
                    assertEquals("PROVEN", row.getString(1));
                    assertEquals("N0001", row.getString(2));
                    assertTrue(row.getString(3).matches("\\d+ CARD_REMOVED .+; \\d+ CARD_INSERTED .+"), row.getString(3));
                }
            }
        }
    }

    /** A card-logged-in HTTP session of the card's holder. */
    private static CardHttp loggedIn(SoftCard card) throws Exception {
        CardHttp http = new CardHttp(FROM);
        Reply login = http.logIn(card);
        assertEquals(200, login.status(), login.body());
        return http;
    }

    private static ObjectNode signed(JsonNode step, SoftCard card) throws Exception {
        Challenge challenge = Challenge.of(step);
        ObjectNode body = (ObjectNode) CardHttp.JSON.readTree(CardHttp.assertion(challenge, card));
        return body.put("ceremonyId", step.get("ceremonyId").asText());
    }

    private static ObjectNode events(ObjectNode body, long removed, long inserted) {
        var events = body.putArray("events");
        events.addObject().put("seq", removed).put("type", "CARD_REMOVED").put("at", "2026-11-26T10:00:01Z");
        events.addObject().put("seq", inserted).put("type", "CARD_INSERTED").put("at", "2026-11-26T10:00:02Z");
        return body;
    }

    @Test
    void theServerChecksTheSameCardTheHoldersCardTheEventsAndSingleUse(MedsignServer server) throws Exception {
        DevHca hca = new DevHca(server);
        SoftCard mine = hca.card("N0002.p12");
        CardHttp http = loggedIn(mine);

        JsonNode first = http.post("portal/card/presence/start", "{\"context\":\"test: device 我的iphone01\"}").json();
        assertEquals(1, first.get("step").asInt());
        assertTrue(Challenge.of(first).textUtf8().contains("context: test: device 我的iphone01\n"));
        Reply notMine = http.post("portal/card/presence/first", signed(first, hca.card("N0001.p12")).put("agentSeq", 4).toString());
        assertEquals("MS-2019", notMine.code(), notMine.body());

        JsonNode again = http.post("portal/card/presence/start", "{}").json();
        Reply step2 = http.post("portal/card/presence/first", signed(again, mine).put("agentSeq", 4).toString());
        assertEquals(200, step2.status(), step2.body());
        JsonNode second = step2.json();
        assertTrue(Challenge.of(second).textUtf8().contains("after-signature-sha256: "), "chained to the first signature");
        Reply replay = http.post("portal/card/presence/first", signed(again, mine).put("agentSeq", 4).toString());
        assertEquals("MS-2011", replay.code(), replay.body());

        SoftCard otherCardOfMine = hca.issue("N0002", true, false);
        Reply changed = http.post("portal/card/presence/second", events(signed(second, otherCardOfMine), 5, 6).toString());
        assertEquals("MS-2017", changed.code(), changed.body());

        JsonNode third = http.post("portal/card/presence/start", "{}").json();
        JsonNode thirdSecond = http.post("portal/card/presence/first", signed(third, mine).put("agentSeq", 9).toString()).json();
        Reply notReinserted = http.post("portal/card/presence/second", events(signed(thirdSecond, mine), 11, 10).toString());
        assertEquals("MS-2016", notReinserted.code(), notReinserted.body());

        JsonNode fourth = http.post("portal/card/presence/start", "{}").json();
        JsonNode fourthSecond = http.post("portal/card/presence/first", signed(fourth, mine).put("agentSeq", 20).toString()).json();
        Reply proven = http.post("portal/card/presence/second", events(signed(fourthSecond, mine), 21, 22).toString());
        assertEquals(200, proven.status(), proven.body());
        assertTrue(proven.json().get("proven").asBoolean());
        assertEquals(mine.fingerprint(), proven.json().get("cardSha256").asText());
    }

    @Test
    void theCeremonyNeedsALoginAndItsOwnSession(MedsignServer server) throws Exception {
        Reply anonymous = new CardHttp(FROM).post("portal/card/presence/start", "{}");
        assertEquals(302, anonymous.status(), "the container sends a caller without a login to the login page");
        SoftCard card = new DevHca(server).card("IT0001.p12");
        CardHttp owner = loggedIn(card);
        JsonNode first = owner.post("portal/card/presence/start", "{}").json();
        CardHttp otherSession = loggedIn(card);
        Reply foreign = otherSession.post("portal/card/presence/first", signed(first, card).put("agentSeq", 1).toString());
        assertEquals("MS-2011", foreign.code(), foreign.body());
    }
}
