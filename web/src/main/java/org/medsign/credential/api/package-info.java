/**
 * The credential app's side of the mobile API: enrol with a CSR (M15–M16), download and acknowledge the
 * certificate (M17–M18), the certificate status the app shows (正常 / 已下載 …), and the web app's signing PIN
 * (set once after enrolment, then one counted try per opening of the signing key).
 */
package org.medsign.credential.api;
