package org.medsign.ticket;

/** A ticket's life: ISSUED → USED | EXPIRED | LOCKED | REPLACED (a newer ticket for the same purpose). */
public enum TicketStatus {
    ISSUED, USED, EXPIRED, LOCKED, REPLACED
}
