package org.medsign.privacy;

/** Masks names and ID numbers the way the hospital shows them on every list: 陳OO, A12****789. */
public final class Masking {

    private Masking() {
    }

    /** Keeps the family name (the first character) and replaces the rest with O, as the manual shows: 陳OO. */
    public static String name(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String trimmed = name.strip();
        int first = trimmed.offsetByCodePoints(0, 1);
        int rest = trimmed.codePointCount(first, trimmed.length());
        return trimmed.substring(0, first) + "O".repeat(Math.max(rest, 2));
    }

    /** Shows the first three and the last three characters: A12****789. */
    public static String nationalId(String id) {
        if (id == null || id.length() < 7) {
            return "*".repeat(id == null ? 0 : id.length());
        }
        return id.substring(0, 3) + "*".repeat(id.length() - 6) + id.substring(id.length() - 3);
    }
}
