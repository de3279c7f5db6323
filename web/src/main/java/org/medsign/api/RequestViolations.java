package org.medsign.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import org.medsign.error.ErrorCode;
import org.medsign.error.MedsignException;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
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
        TreeSet<String> byField = new TreeSet<>();
        violations.forEach(v -> byField.add(field(v.getPropertyPath())));
        // of several coded fields, the one the request declares first: the ticket before the proof made for it
        ErrorCode code = violations.stream()
                .filter(v -> catalogueCode(v.getMessageTemplate()).isPresent())
                .min(Comparator.comparingInt(RequestViolations::declarationOrder))
                .flatMap(v -> catalogueCode(v.getMessageTemplate()))
                .orElse(ErrorCode.MALFORMED_REQUEST);
        List<String> fields = new ArrayList<>(byField);
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

    /** Where the failed property stands in its record; anything else after every record component. */
    private static int declarationOrder(ConstraintViolation<?> violation) {
        Object leaf = violation.getLeafBean();
        String property = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PROPERTY) {
                property = node.getName();
            }
        }
        if (leaf == null || property == null || !leaf.getClass().isRecord()) {
            return Integer.MAX_VALUE;
        }
        RecordComponent[] components = leaf.getClass().getRecordComponents();
        for (int i = 0; i < components.length; i++) {
            if (components[i].getName().equals(property)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
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
