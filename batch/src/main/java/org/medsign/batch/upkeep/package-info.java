/** The credential-upkeep job's artifacts: expire certificates, remind owners before expiry, purge dead tickets, refresh the CRL. */
package org.medsign.batch.upkeep;
