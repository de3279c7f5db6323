package org.medsign.card;

import org.junit.jupiter.api.Test;
import org.medsign.card.CardHttp.Reply;
import org.medsign.systemtest.MedsignServer;
import org.medsign.systemtest.SystemTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Card check failures are throttled per client address (MS-2015): after 20 failures in 10 minutes the address gets
 * neither logins nor challenges, even with a good card. From 127.0.0.2, which no other test uses.
 */
@SystemTest
class CardThrottleIT {

    @Test
    void twentyFailuresBlockTheAddressEvenForAGoodCard(MedsignServer server) throws Exception {
        CardHttp http = new CardHttp("127.0.0.2");
        for (int i = 0; i < 20; i++) {
            Reply reply = http.post("card/login", "{}");
            assertEquals("MS-1003", reply.code(), "try " + i + ": " + reply.body());
        }
        Reply blocked = http.post("card/login", "{}");
        assertEquals("MS-2015", blocked.code(), blocked.body());
        assertEquals(429, blocked.status());
        assertTrue(blocked.json().get("message").asText().matches(".*\\d\\d:\\d\\d.*"), "says until when");

        CardHttp sameAddress = new CardHttp("127.0.0.2");
        Reply challenge = sameAddress.post("card/challenge", "{}");
        assertEquals("MS-2015", challenge.code(), challenge.body());

        CardHttp otherAddress = new CardHttp("127.0.0.6");
        assertEquals(200, otherAddress.logIn(new DevHca(server).card("N0001.p12")).status(), "other addresses are not held up");
    }
}
