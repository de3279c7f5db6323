/**
 * The two-node cluster (README: Two nodes) as users, phones and IT meet it: one cluster view, one CA and one data key
 * for both nodes, CRL numbers that rise whichever node publishes, a portal session that outlives its node, and the
 * faults: a node killed under a phone's batch or a running scan, and medsign's PostgreSQL restarted.
 */
package org.medsign.cluster;
