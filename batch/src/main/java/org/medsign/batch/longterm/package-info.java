/**
 * The long-term-evidence job's artifacts: stored CAdES-T signatures past their grace period augmented to LTA, then
 * archive timestamps due for renewal renewed; each step for one kind of signature (its {@code signatures} property:
 * {@code record} or {@code institution}).
 */
package org.medsign.batch.longterm;
