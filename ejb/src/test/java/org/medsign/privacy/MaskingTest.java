package org.medsign.privacy;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MaskingTest {

    @Test
    void keepsTheFamilyNameAsTheManualShows() {
        assertEquals("陳OO", Masking.name("陳美玲"));
        assertEquals("王OO", Masking.name("王明"));
        assertEquals("歐OOO", Masking.name("歐陽娜娜"));
    }

    @Test
    void masksTheMiddleOfANationalId() {
        assertEquals("A12****789", Masking.nationalId("A123456789"));
    }

    @Test
    void masksShortOrMissingValuesCompletely() {
        assertEquals("", Masking.name(null));
        assertEquals("*****", Masking.nationalId("A1234"));
    }

    @Test
    void treatsCharactersOutsideTheBasicPlaneAsOne() {
        assertEquals("𠀋OO", Masking.name("𠀋大明"));
    }
}
