/**
 * Running the application: schema migrations at deploy (with the retention period, which PostgreSQL itself guards),
 * health checks and the quarter-hourly audit seal, which signs
 * through the kernel's key ring with a key of its own, and which node this is in which cluster view
 * ({@link org.medsign.ops.ClusterView}, read from WildFly's own management MBeans). IT's JMX view is in
 * {@link org.medsign.ops.jmx}, the same figures as Prometheus text in {@link org.medsign.ops.metrics}. Nothing here
 * holds business rules; it reports on and keeps up the other capabilities through their services.
 */
package org.medsign.ops;
