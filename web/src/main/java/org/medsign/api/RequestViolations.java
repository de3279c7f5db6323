package org.medsign.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A request body that failed its record's constraints, as one catalogue error naming the failed fields (never
 * their values: a body may carry a password or a national ID). A constraint whose message is a catalogue code
 * ({@code message = "MS-3009"}) keeps the code the person can act on; every other failure is MS-9002.
 */
final class RequestViolations {

    private static final Pattern CODE = Pattern.compile("MS-\\d{4}");
    /** Enough to find the fault; a batch of 250 bad items need not name them all. */
    static final int MAX_FIELDS = 5;

    private RequestViolations() {
    }

    static MedsignException refusal(Collection<? extends ConstraintViolation<?>> violations) {
        TreeMap<String, Optional<ErrorCode>> byField = new TreeMap<>();
        for (ConstraintViolation<?> violation : violations) {
            Optional<ErrorCode> code = catalogueCode(violation.getMessageTemplate());
            byField.merge(field(violation.getPropertyPath()), code, (a, b) -> a.isPresent() ? a : b);
        }
        ErrorCode code = byField.values().stream().flatMap(Optional::stream).findFirst()
                .orElse(ErrorCode.MALFORMED_REQUEST);
        List<String> fields = new ArrayList<>(byField.keySet());
        String named = fields.size() <= MAX_FIELDS ? String.join(", ", fields)
                : String.join(", ", fields.subList(0, MAX_FIELDS)) + ", … (" + fields.size() + ")";
        return new MedsignException(code, named);
    }

    /** {@code items[2].cms} for a property of the body; {@code body} when the body itself is missing. */
    static String field(Path path) {
        List<String> segments = new ArrayList<>();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.PARAMETER
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.isInIterable() && !segments.isEmpty()) {
                int last = segments.size() - 1;
                segments.set(last, segments.get(last) + "[" + (node.getIndex() == null ? "" : node.getIndex()) + "]");
            }
            if ((kind == ElementKind.PROPERTY || kind == ElementKind.BEAN) && node.getName() != null) {
                segments.add(node.getName());
            }
        }
        return segments.isEmpty() ? "body" : String.join(".", segments);
    }

    private static Optional<ErrorCode> catalogueCode(String template) {
        if (template == null || !CODE.matcher(template).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ErrorCode.ofCode(template));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
