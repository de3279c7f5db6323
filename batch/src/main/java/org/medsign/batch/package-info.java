/**
 * Jakarta Batch jobs of medsign (job XML in META-INF/batch-jobs): HIS scans and credential upkeep.
 * Artifacts are {@code @Named @Dependent} beans that call the capabilities' public services.
 */
package org.medsign.batch;
