package org.medsign.cardagent.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.security.ProviderException;
import java.security.UnrecoverableKeyException;
import javax.security.auth.login.FailedLoginException;
import org.junit.jupiter.api.Test;
import org.medsign.cardagent.AgentError;

class LoginFailuresTest {
    @Test
    void sunPkcs11sWrongPinIsPinWrong() {
        // the chain SunPKCS11 throws for CKR_PIN_INCORRECT, with a stand-in for the JDK-internal PKCS11Exception
        UnrecoverableKeyException unrecoverable = new UnrecoverableKeyException();
        FailedLoginException failed = new FailedLoginException();
        failed.initCause(new ProviderException("CKR_PIN_INCORRECT"));
        unrecoverable.initCause(failed);

        assertEquals(AgentError.PIN_WRONG, LoginFailures.classify(new IOException("load failed", unrecoverable)));
    }

    @Test
    void pkcs12sWrongPasswordIsPinWrong() {
        assertEquals(AgentError.PIN_WRONG, LoginFailures.classify(new IOException("keystore password was incorrect",
                new UnrecoverableKeyException("failed to decrypt safe contents entry"))));
    }

    @Test
    void aLockedPinIsPinLockedEvenInsideALoginFailure() {
        FailedLoginException failed = new FailedLoginException();
        failed.initCause(new ProviderException("CKR_PIN_LOCKED"));

        assertEquals(AgentError.PIN_LOCKED, LoginFailures.classify(new IOException("load failed", failed)));
    }

    @Test
    void aRemovedCardIsCardAbsent() {
        assertEquals(AgentError.CARD_ABSENT,
                LoginFailures.classify(new IOException("load failed", new ProviderException("CKR_DEVICE_REMOVED"))));
    }

    @Test
    void anythingElseIsACardError() {
        assertEquals(AgentError.CARD_ERROR, LoginFailures.classify(new IOException("CKR_GENERAL_ERROR")));
    }
}
