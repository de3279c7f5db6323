package org.medsign.staff;

/** Sex as the staff record and the certificate application (M13) show it. */
public enum Sex {
    FEMALE, MALE
}
