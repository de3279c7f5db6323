/**
 * Checks of the packaged production EAR (run by failsafe after {@code package}): what it must not carry.
 */
package org.medsign.ear;
