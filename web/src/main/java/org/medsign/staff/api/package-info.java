/**
 * The phone apps' login on the mobile API (M14, M20): site, Portal account and password in, a bearer token out.
 * Tokens die when the Portal password changes (M27).
 */
package org.medsign.staff.api;
