/**
 * The audit log page for IT and auditors: filtered events and the chain verification.
 * Reachable by IT_ADMIN and AUDITOR only (web.xml constraint on /portal/audit/*).
 * Their view-scoped state is Serializable and keeps its services in transient fields found again through
 * {@link org.medsign.portal.Services}, so a cluster can move it to another node.
 */
package org.medsign.audit.portal;
