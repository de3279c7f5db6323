package org.medsign.signing.batch;

/** What happened to one item: SIGNED now, ALREADY_SIGNED (a retry), or REFUSED with its code and message. */
public record ItemResult(long recordId, String result, String code, String message) {

    public static final String SIGNED = "SIGNED";
    public static final String ALREADY_SIGNED = "ALREADY_SIGNED";
    public static final String REFUSED = "REFUSED";
}
