/**
 * The development HCA on the web, in the demo WAR only: its published CRLs and CA certificates at /pki/, and the
 * IT page that issues and revokes demo cards. Both answer only while the development HCA is on.
 */
package org.medsign.dev.hca.portal;
