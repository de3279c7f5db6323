package org.medsign.api;

/**
 * An RFC 9457 problem document, extended with the catalogue's {@code code} (MS-xxxx) and the
 * {@code action} the user should take.
 */
public record Problem(String type, String title, int status, String detail, String code, String action,
                      String instance) {
}
