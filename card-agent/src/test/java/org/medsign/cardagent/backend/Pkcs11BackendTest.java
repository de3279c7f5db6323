package org.medsign.cardagent.backend;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** What can be checked without a PKCS#11 library; the SoftHSM2 ITs drive the rest. */
class Pkcs11BackendTest {
    @Test
    void slotDescriptionsNameReadersEvenWhenCut() {
        String reader = "Generic EMV Smartcard Reader [CCID Interface] (1234567890) 00 00 with a long tail";
        String cut = reader.substring(0, 64);

        assertTrue(Pkcs11Backend.namesReader(cut, reader));
        assertTrue(Pkcs11Backend.namesReader("ACS ACR39U ICC Reader 00 00", "ACS ACR39U ICC Reader 00 00"));
        assertFalse(Pkcs11Backend.namesReader("ACS ACR39U ICC Reader 01 00", "ACS ACR39U ICC Reader 00 00"));
        assertFalse(Pkcs11Backend.namesReader("", "ACS ACR39U ICC Reader 00 00"));
    }
}
