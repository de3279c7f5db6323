/**
 * The Mobile Gateway Portal's shell: authentication, the session and its countdown (M4), language,
 * CSRF protection and the error pages. Capability pages live in their own packages ({@code *.portal}).
 */
package org.medsign.portal;
