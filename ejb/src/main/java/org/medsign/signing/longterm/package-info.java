/**
 * Long-term evidence (ETSI EN 319 122-1): a stored CAdES-T gets, once its revocation grace period is over, the
 * certificate and revocation values of the signer's and the TSA's chains (CAdES-BASELINE-LT), from medsign's own
 * OCSP responder and the root's CRL, and an archive timestamp over it all (LTA), so that it verifies without medsign's
 * PKI; archive timestamps are renewed before their TSA certificate ends. Every kind of stored signature is kept so:
 * {@link org.medsign.signing.longterm.SignatureKind} names its entity and the certificate behind each one (the
 * staff's here, the institution's in its own package). The long-term-evidence job drives it.
 */
package org.medsign.signing.longterm;
