/**
 * Running the application: schema migrations at deploy, health checks, and (later) the JMX view for IT.
 * Nothing here holds business rules; it reports on and keeps up the other capabilities.
 */
package org.medsign.ops;
