/** The his-write-back job's artifacts: the signed marks waiting for the HIS, in queue order, written a chunk at a time. */
package org.medsign.batch.writeback;
