/**
 * IT's operations pages: system health now; batch jobs, JMX and the audit chain as they land.
 * Only IT_ADMIN reaches them (web.xml constraints on /portal/it/*).
 */
package org.medsign.ops.portal;
