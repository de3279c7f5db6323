/**
 * The E Portal app's side of the mobile API: binding the device from the intranet (M19), the pending list and one
 * record to read (M22, M24), and batch signing (M23); for IT and auditors, a stored signature's
 * evidence as an ASiC-E container.
 */
package org.medsign.signing.api;
