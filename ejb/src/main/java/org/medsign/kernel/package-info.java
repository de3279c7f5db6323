/**
 * The small kernel every capability may depend on and that depends on none of them: the roles a portal account
 * can hold ({@link org.medsign.kernel.Role}) and, in {@code kernel.crypto}, the keys medsign signs with.
 */
package org.medsign.kernel;
