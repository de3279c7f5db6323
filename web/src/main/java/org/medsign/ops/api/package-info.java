/**
 * The public health endpoint, for load balancers, the phone apps and the start-up scripts.
 * It tells whether medsign can serve, and nothing an attacker could use.
 */
package org.medsign.ops.api;
