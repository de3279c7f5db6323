/**
 * The kept signatures and their proof: what every stored signature holds (CAdES-T: the CMS with its RFC 3161 token),
 * the staff's own ({@link org.medsign.signing.evidence.RecordSignature}), the list and the re-verification of one
 * with an ETSI-style report, and the signature-value check the batch and the re-verification share. The institution's
 * signatures extend the same evidence from {@code org.medsign.institution}. Summaries and reports are Serializable:
 * the portal keeps them in view state, which a cluster replicates.
 */
package org.medsign.signing.evidence;
