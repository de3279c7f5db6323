/**
 * Watching a PC/SC card reader through javax.smartcardio: real card removal and insertion events,
 * and the reader's name for choosing the matching PKCS#11 slot.
 */
package org.medsign.cardagent.pcsc;
