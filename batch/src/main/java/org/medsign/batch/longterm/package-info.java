/**
 * The long-term-evidence job's artifacts: stored CAdES-T signatures past their grace period augmented to LTA, then
 * archive timestamps due for renewal renewed.
 */
package org.medsign.batch.longterm;
