package org.medsign.device;

/** Counts for IT's monitoring: devices bound now, binding tickets still open. */
public record DeviceStatistics(long bound, long openTickets) {
}
