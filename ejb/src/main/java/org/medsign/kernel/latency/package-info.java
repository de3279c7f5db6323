/**
 * How long the operations people wait for take, as IT reads it (JMX, Prometheus): {@link Timed} marks a service
 * method with its {@link Operation}, {@link TimedInterceptor} measures every call, and {@link Latencies} keeps one
 * HdrHistogram per operation, whose percentiles are exact to three significant digits.
 */
package org.medsign.kernel.latency;
