/** The signing-reminders job's artifacts: find who is due a digest, build it, mail it. */
package org.medsign.batch.reminder;
