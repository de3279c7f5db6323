/**
 * Validation of card certificates: the chain to the configured HCA trust anchors, the validity period, revocation
 * by CRL (fetched from the certificate's distribution point, cached) and the holder identity the certificate carries.
 */
package org.medsign.card.validation;
