/**
 * medsign's keys and the one Bouncy Castle provider they are used through. Callers sign by purpose (issue a
 * certificate, sign a CRL or an OCSP answer, stamp, seal the audit log, sign as the institution); no private key
 * object leaves this package.
 */
package org.medsign.kernel.crypto;
