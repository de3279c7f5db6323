/**
 * Batch signing (M23). {@link org.medsign.signing.batch.BatchSigningService} is the service the API calls; for each
 * request it screens every item in memory ({@link org.medsign.signing.batch.BatchScreening}: duplicate, already
 * signed, not pending, outside the window, version changed, delay reason), checks the CMS of the rest
 * ({@link org.medsign.signing.batch.CmsCheck}) and timestamps it on all cores, then stores the accepted signatures
 * exactly once per record version ({@link org.medsign.signing.batch.SignatureDesk}) and marks them in the HIS.
 */
package org.medsign.signing.batch;
