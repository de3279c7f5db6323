/**
 * One-time tickets shown as a QR code plus a 10-character code (device binding M7, enrolment M13):
 * how codes are drawn, stored only as hashes, compared case-insensitively, expired and locked after wrong tries.
 */
package org.medsign.ticket;
