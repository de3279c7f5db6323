/**
 * Card back ends: where the card key lives (PKCS#11 through SunPKCS11, or a PKCS#12 soft card).
 * They prove the PIN, sign with the card key and say whether reader and card are there.
 */
package org.medsign.cardagent.backend;
