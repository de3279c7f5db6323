/**
 * The system-test harness: one real WildFly per test run with the real EAR, on PostgreSQL when one answers
 * (H2 otherwise), the local two-node cluster behind haproxy for the cluster's tests ({@link
 * org.medsign.systemtest.MedsignCluster}, PostgreSQL only), and the clients that drive them (HTTP with Faces forms,
 * headless Chromium, JMX over the management interface), each pointed at a {@link org.medsign.systemtest.WebAddress}.
 */
package org.medsign.systemtest;
