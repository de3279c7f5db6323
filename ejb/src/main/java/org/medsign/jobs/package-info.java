/**
 * Batch jobs as IT runs them (批次作業): which jobs exist and when they run (persistent EJB timers), starting,
 * stopping and restarting them, their run history, and the lock that keeps a job from running twice at once.
 */
package org.medsign.jobs;
