package org.medsign.mobile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The line `medsign-mobile sign` prints first, from the server's answer to the batch. */
class SignHeadlineTest {

    private static JsonNode answer(int signed, int refused, String message) throws Exception {
        return new ObjectMapper().readTree("{\"result\":{\"signed\":" + signed + ",\"refused\":" + refused
                + ",\"items\":[]},\"message\":\"" + message + "\"}");
    }

    @Test
    void allSignedReadsAsTheManualShowsIt() throws Exception {
        assertEquals("成功 成功完成5筆簽章", EPortalCommands.headline(answer(5, 0, "成功完成5筆簽章")));
    }

    @Test
    void everyItemRefusedSaysPlainlyThatNothingWasSigned() throws Exception {
        // what an older server answers when it refused all: the app must not print 成功
        String line = EPortalCommands.headline(answer(0, 3, "成功完成0筆簽章"));
        assertEquals("未完成任何簽章：3筆未能簽章 (nothing was signed: 3 refused)", line);
        assertFalse(line.contains("成功"), line);
    }

    @Test
    void anEmptyBatchIsNoSuccessEither() throws Exception {
        assertEquals("未完成任何簽章：沒有可簽章的病歷 (nothing was signed: no records to sign)",
                EPortalCommands.headline(answer(0, 0, "")));
    }

    @Test
    void aPartlyRefusedBatchIsOnlyPartlyDone() throws Exception {
        assertEquals("部分完成 成功完成3筆簽章，2筆未能簽章", EPortalCommands.headline(answer(3, 2, "成功完成3筆簽章，2筆未能簽章")));
    }
}
