/**
 * The audit log page for IT and auditors: filtered events and the chain verification.
 * Reachable by IT_ADMIN and AUDITOR only (web.xml constraint on /portal/audit/*).
 */
package org.medsign.audit.portal;
