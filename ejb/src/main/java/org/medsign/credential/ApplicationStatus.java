package org.medsign.credential;

/** An application is open until the phone enrols with its ticket, or a newer application replaces it. */
public enum ApplicationStatus {
    OPEN, ENROLLED, REPLACED
}
