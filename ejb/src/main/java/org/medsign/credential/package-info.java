/**
 * Mobile signing credentials: the CA (Bouncy Castle), certificate applications (申請憑證, M10–M13), enrolment
 * from the phone with its own key (M15–M18), the certificate list, revocation, the CRL and the OCSP responder.
 */
package org.medsign.credential;
