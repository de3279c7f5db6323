/**
 * Batch jobs as IT runs them (批次作業): which jobs exist and when they run (persistent EJB timers), starting,
 * stopping and restarting them, their run history, and the lock that keeps a job from running twice at once.
 * In a cluster each schedule fires on one node (the HA profile's distributed timers); a node knows which schedules
 * fired on it ({@code JobSchedule.firedHere}), which JMX shows.
 */
package org.medsign.jobs;
