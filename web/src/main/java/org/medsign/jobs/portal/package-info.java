/**
 * The 批次作業 page for IT: job runs with their counts and failure reasons, start, stop and restart, schedules.
 */
package org.medsign.jobs.portal;
