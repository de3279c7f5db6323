/**
 * How long the operations people wait for take, as IT reads it (JMX, Prometheus): the request handlers time each
 * {@link TimedOperation}'s service call through {@link Latencies}, which keeps one HdrHistogram per operation, whose
 * percentiles are exact to three significant digits.
 */
package org.medsign.kernel.latency;
