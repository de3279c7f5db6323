package org.medsign.cardagent.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;

class SignRequestsTest {
    @Test
    void theRawBodyIsWipedAfterParsing() throws Exception {
        byte[] body = "{\"challenge\":\"AAECAwQFBgcICQoLDA0ODw\",\"pin\":\"135790\",\"purpose\":\"login\"}"
                .getBytes(StandardCharsets.UTF_8);

        Messages.SignRequest request = SignRequests.parse(body);

        assertArrayEquals("135790".toCharArray(), request.pin());
        assertArrayEquals(new byte[body.length], body);
        assertArrayEquals(new byte[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
                SignRequests.validate(request));
    }

    @Test
    void errorMessagesNeverQuoteThePin() {
        byte[] body = "{\"challenge\":\"AAECAwQFBgcICQoLDA0ODw\",\"pin\":{\"x\":\"135790\"},\"purpose\":\"login\"}"
                .getBytes(StandardCharsets.UTF_8);

        AgentException e = assertThrows(AgentException.class, () -> SignRequests.parse(body));

        assertEquals(AgentError.BAD_REQUEST, e.error());
        assertFalse(e.getMessage().contains("135790"), e.getMessage());
    }

    @Test
    void challengesAreBase64urlWithOrWithoutPadding() throws Exception {
        assertEquals(17, SignRequests.challenge("AAAAAAAAAAAAAAAAAAAAAAA").length);
        assertEquals(17, SignRequests.challenge("AAAAAAAAAAAAAAAAAAAAAAA=").length);
        assertEquals(16, SignRequests.challenge("_-_-_-_-_-_-_-_-_-_-_w").length);
        assertThrows(AgentException.class, () -> SignRequests.challenge("+/+/+/+/+/+/+/+/+/+/+w"));
        assertThrows(AgentException.class, () -> SignRequests.challenge("AAAAAAAAAAAAAAAAAAAA"));
        assertThrows(AgentException.class, () -> SignRequests.challenge(null));
    }
}
