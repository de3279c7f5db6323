/** The signing-deadline job's artifacts: hand newly overdue record versions to the institution-signing seam. */
package org.medsign.batch.deadline;
