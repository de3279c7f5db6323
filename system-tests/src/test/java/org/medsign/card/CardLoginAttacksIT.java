package org.medsign.card;

import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp.Challenge;
import org.medsign.card.CardHttp.Reply;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Card login against the server as an attacker or a broken page would use it: the JSON endpoints the login page
 * calls, with signatures made directly by the card keys (the server cannot tell that from the agent). Every refusal
 * carries its own code, and none logs anybody in. Runs from 127.0.0.3, so its failures are throttled on their own.
 */
@SystemTest
class CardLoginAttacksIT {

    private static final String FROM = "127.0.0.3";

    private static void refused(Reply reply, String code, int status) throws Exception {
        assertEquals(code, reply.code(), reply.body());
        assertEquals(status, reply.status(), reply.body());
        assertTrue(reply.json().path("text").asText().startsWith("[" + code + "] "), reply.body());
        assertTrue(reply.json().path("action").asText().length() > 5, "what to do is said too");
    }

    private static void notLoggedIn(CardHttp http) throws Exception {
        assertEquals(302, http.get("portal/home.xhtml").status(), "no session was logged in");
    }

    @Test
    void theRightCardsLogInRsaEcAndTheOneOnlyItsLinkNames(MedsignServer server) throws Exception {
        DevHca hca = new DevHca(server);
        for (String person : new String[]{"N0001", "D0001", "AU0001"}) {
            CardHttp http = new CardHttp(FROM);
            SoftCard card = hca.card(person + ".p12");
            Reply reply = http.logIn(card);
            assertEquals(200, reply.status(), person + ": " + reply.body());
            assertEquals("/medsign/portal/home.xhtml", reply.json().get("redirect").asText());
            assertEquals(200, http.get("portal/home.xhtml").status(), person + " is logged in");
        }
        assertEquals("SHA256withECDSA", hca.card("D0001.p12").algorithm());
    }

    @Test
    void anExpiredCardIsRefused(MedsignServer server) throws Exception {
        CardHttp http = new CardHttp(FROM);
        refused(http.logIn(new DevHca(server).card("N0002-expired.p12")), "MS-2007", 403);
        notLoggedIn(http);
    }

    @Test
    void aCardFromAnUntrustedCaIsRefusedWhateverItClaims(MedsignServer server) throws Exception {
        CardHttp http = new CardHttp(FROM);
        refused(http.logIn(ForeignHca.card("陳美玲", "A223456789")), "MS-2009", 403);
        notLoggedIn(http);
    }

    @Test
    void aCardOfNobodyInTheDirectoryIsRefusedWithItsIdentifierForIt(MedsignServer server) throws Exception {
        CardHttp http = new CardHttp(FROM);
        SoftCard nobody = new DevHca(server).card("nobody.p12");
        Reply reply = http.logIn(nobody);
        refused(reply, "MS-2010", 403);
        assertTrue(reply.json().get("message").asText().contains(nobody.fingerprint().substring(0, 16)), reply.body());
        notLoggedIn(http);
    }

    @Test
    void aSignatureByAnotherKeyIsRefused(MedsignServer server) throws Exception {
        DevHca hca = new DevHca(server);
        CardHttp http = new CardHttp(FROM);
        SoftCard claimed = hca.card("N0001.p12").withKey(hca.card("nobody.p12").key());
        refused(http.logIn(claimed), "MS-2012", 401);
        notLoggedIn(http);
    }

    @Test
    void aReplayedChallengeIsRefusedInTheSameSessionAndInAnother(MedsignServer server) throws Exception {
        SoftCard card = new DevHca(server).card("N0003.p12");
        CardHttp owner = new CardHttp(FROM);
        Challenge challenge = owner.challenge();
        String good = CardHttp.assertion(challenge, card);
        String spoiled = good.replace("\"SHA256withRSA\"", "\"SHA512withRSA\"");
        refused(owner.post("card/login", spoiled), "MS-2012", 401);
        refused(owner.post("card/login", good), "MS-2011", 409, "a challenge is presented once, even after a refusal");
        notLoggedIn(owner);

        CardHttp victim = new CardHttp(FROM);
        String captured = CardHttp.assertion(victim.challenge(), card);
        assertEquals(200, victim.post("card/login", captured).status());
        CardHttp attacker = new CardHttp(FROM);
        attacker.challenge();
        refused(attacker.post("card/login", captured), "MS-2011", 409, "a captured login replayed in another session");
        notLoggedIn(attacker);

        CardHttp early = new CardHttp(FROM);
        early.challenge();
        CardHttp late = new CardHttp(FROM);
        String stolen = CardHttp.assertion(late.challenge(), card);
        refused(early.post("card/login", stolen), "MS-2011", 409, "another session's challenge");
        refused(late.post("card/login", stolen), "MS-2011", 409, "the foreign try used the challenge up");
    }

    private static void refused(Reply reply, String code, int status, String why) throws Exception {
        assertEquals(code, reply.code(), why + ": " + reply.body());
        assertEquals(status, reply.status());
    }

    @Test
    void anExpiredChallengeIsRefused(MedsignServer server) throws Exception {
        // the challenge says its expiry in the signed text; an unknown id is the same to the server as a purged one
        CardHttp http = new CardHttp(FROM);
        Challenge challenge = http.challenge();
        assertTrue(challenge.textUtf8().contains("\nexpires: "), challenge.textUtf8());
        String forged = CardHttp.assertion(new Challenge("A".repeat(43), challenge.text(), "login", challenge.json()),
                new DevHca(server).card("N0001.p12"));
        refused(http.post("card/login", forged), "MS-2011", 409);
    }

    @Test
    void aChallengeFromAnotherOriginIsRefused(MedsignServer server) throws Exception {
        SoftCard card = new DevHca(server).card("N0001.p12");
        CardHttp http = new CardHttp(FROM);
        String otherHost = "127.0.0.1:" + MedsignServer.HTTPS_PORT;
        Reply issued = http.post("card/challenge", otherHost, "https://" + otherHost, "{}");
        assertEquals(200, issued.status(), issued.body());
        Challenge challenge = Challenge.of(issued.json());
        assertTrue(challenge.textUtf8().contains("origin: https://" + otherHost + "\n"), "the origin is signed");
        refused(http.post("card/login", CardHttp.assertion(challenge, card)), "MS-2013", 403);
        notLoggedIn(http);

        refused(new CardHttp(FROM).post("card/challenge", CardHttp.HOST, "http://evil.example", "{}"), "MS-2013", 403);
    }

    @Test
    void failuresLeaveNoSessionAndNoData(MedsignServer server) throws Exception {
        CardHttp http = new CardHttp(FROM);
        Reply reply = http.post("card/login", "{\"challengeId\":\"" + "B".repeat(43) + "\",\"signature\":\"AAAA\","
                + "\"algorithm\":\"SHA256withRSA\",\"certificateChain\":" + CardHttp.JSON.writeValueAsString(
                new DevHca(server).card("N0001.p12").chainPem()) + "}");
        refused(reply, "MS-2011", 409);
        assertNull(reply.header("Set-Cookie"), "a refused login without a session creates none");
        assertNull(http.cookie());
        refused(http.post("card/login", "{not json"), "MS-9002", 400);
        if (server.database().postgres()) {
            try (Connection c = server.database().connect(); Statement s = c.createStatement()) {
                ResultSet audit = s.executeQuery("SELECT count(*) FROM audit_event WHERE action = 'CARD_LOGIN'"
                        + " AND outcome = 'FAILURE' AND client_address = '" + FROM + "' AND error_code = 'MS-2011'");
                assertTrue(audit.next() && audit.getInt(1) >= 1, "refusals are audited");
                ResultSet names = s.executeQuery("SELECT count(*) FROM audit_event WHERE detail LIKE '%陳美玲%'"
                        + " OR detail LIKE '%A223456789%' OR subject LIKE '%A223456789%'");
                assertTrue(names.next() && names.getInt(1) == 0, "no names or national IDs in the audit trail");
            }
        }
    }
}
