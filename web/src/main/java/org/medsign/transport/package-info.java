/**
 * Transport security of the portal and the phone API: the address a request came from and whether it came over HTTPS
 * (directly, or through a proxy configured as trusted in {@code medsign.intranet.trusted-proxies}: only its forwarded
 * headers are believed, {@link org.medsign.transport.ClientAddress}), the redirect of plain-HTTP pages to
 * HTTPS, the coded refusal of the plain-HTTP API (MS-9007), and Strict-Transport-Security on HTTPS answers.
 * The PKI's CRL, OCSP and CA certificates stay on plain HTTP too, as RFC 5280 and RFC 6960 relying parties
 * fetch them. TLS itself (key store, protocols, suites) is WildFly's, set in {@code wildfly-config/src/main/cli/tls.cli}.
 */
package org.medsign.transport;
