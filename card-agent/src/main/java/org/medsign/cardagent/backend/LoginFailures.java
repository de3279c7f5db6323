package org.medsign.cardagent.backend;

import java.security.UnrecoverableKeyException;
import javax.security.auth.login.FailedLoginException;
import org.medsign.cardagent.AgentError;

/**
 * Reads why opening a key store failed. SunPKCS11 hides the PKCS#11 return value inside causes
 * (IOException → UnrecoverableKeyException → FailedLoginException → PKCS11Exception "CKR_PIN_INCORRECT"),
 * and PKCS11Exception is JDK-internal, so the CKR_ names are matched in the cause messages.
 */
final class LoginFailures {
    private LoginFailures() {
    }

    static AgentError classify(Throwable failure) {
        boolean wrongPassword = false;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String text = String.valueOf(t.getMessage());
            if (text.contains("CKR_PIN_LOCKED")) {
                return AgentError.PIN_LOCKED;
            }
            if (text.contains("CKR_TOKEN_NOT_PRESENT") || text.contains("CKR_DEVICE_REMOVED")) {
                return AgentError.CARD_ABSENT;
            }
            if (text.contains("CKR_PIN_INCORRECT") || text.contains("CKR_PIN_INVALID")
                    || text.contains("CKR_PIN_LEN_RANGE") || t instanceof UnrecoverableKeyException
                    || t instanceof FailedLoginException) {
                wrongPassword = true;
            }
        }
        return wrongPassword ? AgentError.PIN_WRONG : AgentError.CARD_ERROR;
    }
}
