/**
 * Mobile signing credentials: the CA's profiles and its first start's development hierarchy, certificate applications
 * (申請憑證, M10–M13), enrolment from the phone with its own key (M15–M18), the certificate list, revocation, the CRL,
 * the OCSP responder and the time-stamping authority. The CA's keys sign through the kernel's key ring
 * ({@code org.medsign.kernel.crypto}) by purpose; this package holds certificates, never a private key.
 */
package org.medsign.credential;
