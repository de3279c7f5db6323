/**
 * E Portal 綁定裝置 (M19): a device is bound to its user's employee number once, from the hospital intranet, and
 * only a bound device may sign batches afterwards.
 */
package org.medsign.signing.eportal;
