/**
 * The credential app's side of the mobile API: enrol with a CSR (M15–M16), download and acknowledge the
 * certificate (M17–M18), and the certificate status the app shows (正常 / 已下載 …).
 */
package org.medsign.credential.api;
