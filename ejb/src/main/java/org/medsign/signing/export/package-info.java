/**
 * Evidence export: one record version's evidence as an ASiC-E container (ETSI EN 319 162-1) for IT and auditors to
 * hand to a lawyer, a court or an outside validator. The container holds the record's canonical bytes, its stored
 * signature (CAdES-LTA once the long-term job has run) and medsign's verification report, listed with their SHA-256
 * digests in an ASiCManifest that medsign's TSA time-stamps. The signature stays a data object: the staff member
 * signed the record itself, not a manifest, so it is checked against the record file beside it.
 */
package org.medsign.signing.export;
