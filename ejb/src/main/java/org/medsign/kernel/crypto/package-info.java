/**
 * medsign's keys and the one Bouncy Castle provider they are used through. Callers sign by purpose (issue a
 * certificate, sign a CRL or an OCSP answer, stamp, seal the audit log, sign as the institution); no private key
 * object leaves this package. The keys medsign makes itself live in the {@link org.medsign.kernel.crypto.KeyDirectory},
 * which a cluster's nodes share; {@link org.medsign.kernel.crypto.KeyIdentities} keeps them one CA and one data key.
 * An issuing CA rollover keeps its new key under {@code issuing-pending} until the root's certificate comes, then
 * retires the old issuing and OCSP keys under {@code issuing-g<n>} and {@code ocsp-g<n>}: they still sign their
 * generation's CRLs and OCSP answers, chosen by the CA certificate the caller names.
 */
package org.medsign.kernel.crypto;
