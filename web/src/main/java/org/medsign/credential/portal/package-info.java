/**
 * The portal's credential pages: 申請憑證 (the wizard of M10–M13), 憑證清單 (my certificates, download,
 * revoke a lost phone's) and IT's certificate search and revocation.
 * Their view-scoped state is Serializable and keeps its services in transient fields found again through
 * {@link org.medsign.portal.Services}, so a cluster can move it to another node.
 */
package org.medsign.credential.portal;
