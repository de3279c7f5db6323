/**
 * Signing (待簽病歷, 批次簽章): the pending index of records awaiting their author's signature in the R1 window,
 * kept exact by the unsigned-scan job and refreshed per person on demand, and the 24-hour signing deadline.
 */
package org.medsign.signing;
