package org.medsign.error;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Validator the server runs (Hibernate Validator) for the request records' constraints, without an EL
 * implementation: the messages that matter are catalogue codes, which need no interpolation.
 */
public final class RequestValidator {

    private static final Validator VALIDATOR = Validation.byDefaultProvider().configure()
            .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();

    private RequestValidator() {
    }

    /** The failed fields ({@code items[1].cms}), sorted. */
    public static Set<String> failedFields(Object request) {
        return new TreeSet<>(violations(request).keySet());
    }

    /** Each failed field with its message template (a catalogue code where the record names one). */
    public static TreeMap<String, String> violations(Object request) {
        TreeMap<String, String> failed = new TreeMap<>();
        for (ConstraintViolation<Object> v : VALIDATOR.validate(request)) {
            failed.put(v.getPropertyPath().toString(), v.getMessageTemplate());
        }
        return failed;
    }
}
