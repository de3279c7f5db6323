/**
 * Running the application: schema migrations at deploy, health checks, the JMX view for IT (the Monitoring MBean and
 * its registry) and the quarter-hourly audit seal, which signs through the kernel's key ring with a key of its own.
 * Nothing here holds business rules; it reports on and keeps up the other capabilities through their services.
 */
package org.medsign.ops;
