package org.medsign.mobile;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The server gave no answer of its own: the connection failed or broke, or a balancer in front answered for a node
 * it could not reach (502, 503 or 504 without medsign's problem JSON). Whatever the request was, it may or may not
 * have been done, so only a request that is safe to repeat (a batch: the same batchId) is sent again.
 */
public final class NoAnswerException extends UncheckedIOException {

    private static final long serialVersionUID = 1L;

    public NoAnswerException(String message, IOException cause) {
        super(message, cause);
    }
}
