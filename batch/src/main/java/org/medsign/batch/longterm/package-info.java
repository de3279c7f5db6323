/** The long-term-evidence job's artifacts: stored CAdES-T signatures past their grace period, augmented to LT. */
package org.medsign.batch.longterm;
