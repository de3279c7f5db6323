/**
 * Long-term evidence (ETSI EN 319 122-1): a stored CAdES-T gets, once its revocation grace period is over, the
 * certificate and revocation values of the signer's and the TSA's chains (CAdES-BASELINE-LT), from medsign's own
 * OCSP responder and the root's CRL, so that it verifies without medsign's PKI. The long-term-evidence job drives it.
 */
package org.medsign.signing.longterm;
