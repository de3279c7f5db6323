package org.medsign.error;

import jakarta.ejb.ApplicationException;

import java.util.Arrays;

/**
 * A failure the user can be told about. Rolls back the business transaction, so a refused request leaves
 * no half-written data; the audit trail is written in its own transaction before this is thrown.
 * Arguments fill the catalogue text's placeholders and must never carry personal data.
 */
@ApplicationException(rollback = true)
public class MedsignException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final transient Object[] arguments;

    public MedsignException(ErrorCode errorCode, Object... arguments) {
        super(errorCode.code() + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.errorCode = errorCode;
        this.arguments = arguments.clone();
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] arguments() {
        return arguments == null ? new Object[0] : arguments.clone();
    }
}
