/**
 * The JMX areas' figures as Micrometer meters in the registry that WildFly's micrometer subsystem injects and
 * serves as Prometheus text on the management interface ({@code http://host:9990/prometheus}, see micrometer.cli).
 * Each meter reads the same MBean object as JMX does, when scraped; names carry their unit, labels never a person.
 */
package org.medsign.ops.metrics;
