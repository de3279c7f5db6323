/**
 * IT's JMX view, one MBean per area ({@code org.medsign:type=Server, Signing, Certificates, Card, Jobs, Database,
 * Audit}), each reading the capabilities through their public services, and the JMX notifications for what IT must
 * act on, found by a watch that runs every {@code medsign.monitoring.watch-seconds}. Latencies are in milliseconds
 * and come from the kernel's HdrHistograms. The same figures are served as Prometheus text by
 * {@link org.medsign.ops.metrics}. Each node of a cluster has its own MBeans; {@code Server} names the node, its
 * cluster view and the schedules that fired on it.
 */
package org.medsign.ops.jmx;
