/**
 * The hospital's institution certificate (醫事機構憑證) and what it signs: record versions past the 24-hour rule,
 * when the hospital turns that on, so no record stays unsigned while its author's own signature (補簽) is awaited.
 */
package org.medsign.institution;
