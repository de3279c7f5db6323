package org.medsign.kernel;

/** What a portal account may do. Every page and endpoint checks these on the server. */
public enum Role {
    STAFF, IT_ADMIN, AUDITOR;

    public static final String STAFF_NAME = "STAFF";
    public static final String IT_ADMIN_NAME = "IT_ADMIN";
    public static final String AUDITOR_NAME = "AUDITOR";
}
