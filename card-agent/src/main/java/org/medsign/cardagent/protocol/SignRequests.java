package org.medsign.cardagent.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.medsign.cardagent.AgentError;
import org.medsign.cardagent.AgentException;

/** Parsing and checking {@code POST /v1/sign} bodies. Messages never quote the body: it holds the PIN. */
final class SignRequests {
    static final int MIN_CHALLENGE = 16;
    static final int MAX_CHALLENGE = 1024;
    static final int MIN_PIN = 4;
    static final int MAX_PIN = 64;
    static final Set<String> PURPOSES = Set.of("login", "presence");

    private SignRequests() {
    }

    /** Parses and wipes the raw body. */
    static Messages.SignRequest parse(byte[] body) throws AgentException {
        try {
            Messages.SignRequest request = Exchanges.JSON.readValue(body, Messages.SignRequest.class);
            if (request == null) {
                throw new AgentException(AgentError.BAD_REQUEST, "the body must be a JSON object");
            }
            return request;
        } catch (JsonMappingException e) {
            throw new AgentException(AgentError.BAD_REQUEST, "unexpected JSON at '" + e.getPathReference() + "'");
        } catch (JsonProcessingException e) {
            throw new AgentException(AgentError.BAD_REQUEST, "the body is not JSON");
        } catch (IOException e) {
            throw new AgentException(AgentError.BAD_REQUEST, "the body cannot be read");
        } finally {
            Arrays.fill(body, (byte) 0);
        }
    }

    /** The challenge bytes, after checking every field. */
    static byte[] validate(Messages.SignRequest request) throws AgentException {
        if (request.purpose() == null || !PURPOSES.contains(request.purpose())) {
            throw new AgentException(AgentError.BAD_REQUEST, "purpose must be one of " + PURPOSES);
        }
        if (request.pin() == null || request.pin().length < MIN_PIN || request.pin().length > MAX_PIN) {
            throw new AgentException(AgentError.BAD_REQUEST,
                    "pin must have " + MIN_PIN + " to " + MAX_PIN + " characters");
        }
        return challenge(request.challenge());
    }

    /** base64url as RFC 4648 section 5, padded or not. */
    static byte[] challenge(String text) throws AgentException {
        if (text == null) {
            throw new AgentException(AgentError.BAD_REQUEST, "challenge is missing");
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new AgentException(AgentError.BAD_REQUEST, "challenge must be base64url");
        }
        if (bytes.length < MIN_CHALLENGE || bytes.length > MAX_CHALLENGE) {
            throw new AgentException(AgentError.BAD_REQUEST,
                    "challenge must be " + MIN_CHALLENGE + " to " + MAX_CHALLENGE + " bytes, not " + bytes.length);
        }
        return bytes;
    }
}
