/**
 * The Mobile Gateway Portal's shell: authentication, the session and its countdown (M4), language,
 * CSRF protection and the error pages. Capability pages live in their own packages ({@code *.portal}).
 * Session- and view-scoped state must be Serializable (a cluster replicates the session, and the view state with
 * it, to another node): beans hold views and ids, never an entity or an EJB; a service sits in a transient field
 * and is found again with {@link org.medsign.portal.Services} after a move (PassivatingBeansTest checks it all).
 */
package org.medsign.portal;
