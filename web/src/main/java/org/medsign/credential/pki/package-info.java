/**
 * The CA's publications at stable URLs under /pki: the CRL (DER), the OCSP responder (RFC 6960, GET and POST),
 * and the CA certificates. Public by design: relying parties and tools like openssl read them.
 */
package org.medsign.credential.pki;
