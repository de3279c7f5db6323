/**
 * The development healthcare CA ("dev HCA"): a root and a card-issuing CA, their CRLs, and PKCS#12 soft cards for
 * the demo staff, generated into the server's data directory. Only the demo EAR carries it; there it is on with
 * {@code medsign.card.dev-ca} (default: the demo-data setting) and offers its root to card validation as a
 * {@link org.medsign.card.validation.DefaultTrustAnchors}. Production trusts the real HCA and never this.
 */
package org.medsign.dev.hca;
