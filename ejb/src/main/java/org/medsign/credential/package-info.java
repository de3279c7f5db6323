/**
 * Mobile signing credentials: the CA's profiles and its first start's development hierarchy, certificate applications
 * (申請憑證, M10–M13), enrolment from the phone with its own key (M15–M18), the certificate list, revocation, the CRL,
 * the OCSP responder and the time-stamping authority; the issuing CA's rollover ({@code CaRollover}: a new key's
 * PKCS#10 request for the offline root, the root's certificate checked before the switch, each retired generation
 * still signing the CRL and OCSP answers of the certificates it issued, {@code CaGeneration}); and the web app's
 * signing PIN counted on the server ({@code SigningPins}: the secret that, with the PIN, unwraps the app's signing
 * key, released after each counted try). The CA's keys sign through the kernel's key ring
 * ({@code org.medsign.kernel.crypto}) by purpose; this package holds certificates, never a private key. The records pages keep in view state ({@code CertificateView},
 * {@code IssuedEnrolment}) are Serializable, so the 申請憑證 wizard goes on on another node of a cluster.
 */
package org.medsign.credential;
