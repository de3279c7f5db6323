/**
 * The unsigned-scan job's artifacts: plan a run, walk the HIS window by day (full) or its change stream
 * (incremental), check each row, and keep the pending index exact chunk by chunk.
 */
package org.medsign.batch.scan;
