/**
 * The portal's credential pages: 申請憑證 (the wizard of M10–M13), 憑證清單 (my certificates, download,
 * revoke a lost phone's) and IT's certificate search and revocation.
 */
package org.medsign.credential.portal;
