/**
 * The audit log: one append-only row per security event (logins, denials, bindings, issuance, signatures…),
 * each written in its own transaction so a refused or failed operation still leaves its trail. Pages read the
 * events as {@link org.medsign.audit.AuditEntryView}s, never as the entity; those views (and
 * {@code ChainVerification}) are Serializable, as view state that a cluster replicates must be.
 */
package org.medsign.audit;
