package org.medsign.signing.batch;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medsign.error.RequestValidator.failedFields;

/** The batch's shape; what each item's signature proves is decided item by item (BatchSigningService). */
class SignRequestTest {

    private static final String BATCH = "5b0c2f9e-8a1d-4c3b-9e7f-0a1b2c3d4e5f";

    @Test
    void aWellShapedBatchPasses() {
        assertTrue(failedFields(new SignRequest(BATCH, "device", List.of(new SignItem(1, "MIAG", null)))).isEmpty());
        assertTrue(failedFields(new SignRequest(BATCH, null, List.of(new SignItem(7, "garbage!", "補簽")))).isEmpty(),
                "an unbound device and a CMS that does not parse are refused later, with their own codes");
    }

    @Test
    void theBatchIdIsTheAppsOwn() {
        assertEquals(Set.of("batchId"), failedFields(new SignRequest("short", "d", List.of())));
        assertEquals(Set.of("batchId"), failedFields(new SignRequest("x".repeat(37), "d", List.of())));
        assertEquals(Set.of("batchId", "items"), failedFields(new SignRequest(null, "d", null)));
    }

    @Test
    void itemsWithoutAnIdOrASignatureAndMissingItemsAreNamedByPosition() {
        List<SignItem> items = Arrays.asList(new SignItem(1, "MIAG", null), null, new SignItem(0, " ", null));
        assertEquals(Set.of("items[1].<list element>", "items[2].cms", "items[2].recordId"),
                failedFields(new SignRequest(BATCH, "d", items)));
    }
}
