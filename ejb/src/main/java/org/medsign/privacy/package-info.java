/**
 * Personal data: how national IDs and names are sealed, digested and masked (陳OO, A12****789).
 * Everything that shows or stores a person's identity goes through here; nothing here logs.
 */
package org.medsign.privacy;
