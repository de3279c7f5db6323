package org.medsign.device;

import org.medsign.ticket.TicketStatus;

import java.io.Serializable;

/** What the import page polls for: has the phone bound the device yet (M7 → M9)? */
public record TicketProgress(TicketStatus status, String deviceId, long secondsLeft) implements Serializable {
}
