/**
 * The development healthcare CA ("dev HCA"): a root and a card-issuing CA, their CRLs, and PKCS#12 soft cards for
 * the demo staff, generated into the server's data directory. On only with {@code medsign.card.dev-ca} (default:
 * the demo-data setting); production trusts the real HCA and never this.
 */
package org.medsign.card.devca;
