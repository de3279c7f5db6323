/**
 * The reference phone client: a library ({@link org.medsign.mobile.MedsignClient}) and a CLI ({@link org.medsign.mobile.MobileCli})
 * doing what the credential app and E Portal app do against the mobile API. Tests and demos drive the server with it.
 * It speaks HTTPS and always verifies the server's certificate ({@link org.medsign.mobile.ServerTrust}).
 */
package org.medsign.mobile;
