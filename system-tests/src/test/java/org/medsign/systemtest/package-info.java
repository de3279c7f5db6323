/**
 * The system-test harness: one real WildFly per test run with the real EAR, on PostgreSQL when one answers
 * (H2 otherwise), and the clients that drive it (HTTP with Faces forms, headless Chromium, JMX over the management interface).
 */
package org.medsign.systemtest;
