/**
 * The hospital's institution certificate (醫事機構憑證) and what it signs: record versions past the 24-hour rule,
 * when the hospital turns that on, so no record stays unsigned while its author's own signature (補簽) is awaited.
 * Its signatures are kept for the retention period like the staff's ({@code InstitutionSignatureKind}, for the
 * long-term-evidence job). With the development certificate, medsign's OCSP responder answers for it: it is the key
 * ring's institution certificate, verified as issued by medsign's CA, so no registry row (the registry is the staff's,
 * with owners and expiry mails) and no CRL copied into every signature are needed. A certificate from the Ministry's
 * HCA is the HCA's to answer for: its signatures stay at CAdES-T, said in the log and counted on 批次作業.
 */
package org.medsign.institution;
