/**
 * The two-node cluster (README: Two nodes) as users, phones and IT meet it: one cluster view, one CA and one data key
 * for both nodes, CRL numbers that rise whichever node publishes, and a portal session that outlives its node.
 */
package org.medsign.cluster;
